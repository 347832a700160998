package org.openreturns.process;

import java.util.Map;

/**
 * The port through which the application drives its processes, whichever engine runs them. Variables are ids and
 * routing facts only (strings, numbers, booleans); the business data lives in the application's tables.
 */
public interface ProcessRuntime {

    /**
     * Starts the latest version of a process; the business key names the business object it runs for as people
     * search for it (a return's RMA number), and is what {@link HumanTasks#openTasksOf} finds its tasks by.
     */
    void startProcess(String processId, String businessKey, Map<String, Object> variables);

    /**
     * Delivers a message to the instance that waits for it under the model's correlation key.
     *
     * @return false when no instance waits for this message with this key, so the caller can say so
     */
    boolean correlateMessage(String messageName, String correlationKey, Map<String, Object> variables);
}
