package org.openreturns.process;

import java.util.Map;

/**
 * The port through which the application drives its processes, whichever engine runs them. Variables are ids and
 * routing facts only (strings, numbers, booleans); the business data lives in the application's tables.
 *
 * <p>Both calls belong to the caller's transaction: on the embedded engine they run in it, on Camunda 8 they are sent
 * once it has committed, so the process's first step always finds the data the caller wrote (and nothing is sent
 * for a request that rolls back). A call that fails after the commit fails the request, whose records stay.
 */
public interface ProcessRuntime {

    /**
     * Starts the latest version of a process; the business key names the business object it runs for as people
     * search for it (a return's RMA number), and is what {@link HumanTasks#openTasksOf} finds its tasks by.
     */
    void startProcess(String processId, String businessKey, Map<String, Object> variables);

    /**
     * Sends a message for the instance that waits for it under the model's correlation key. Whether an instance
     * waits is the caller's to know from its own data (e.g. a return that is AUTHORIZED or IN_TRANSIT waits for its
     * parcel): on Camunda 8 an instance may reach its wait a moment after the data says so, and the message is kept
     * for a time to live until it does; on the embedded engine the data and the wait commit together, and a message
     * no instance waits for is dropped.
     *
     * @param messageId what this message is, e.g. {@code parcel-receipt-17}: the same id sent again (a retried
     *                  request) is delivered once
     */
    void sendMessage(String messageName, String correlationKey, String messageId, Map<String, Object> variables);
}
