package org.openreturns.returns;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;

/**
 * A Camunda 8 cluster of Camunda Process Test as the lifecycle tests see it: its incidents, its clock and its
 * user-task API, the one Camunda's Tasklist uses.
 */
record Camunda8ProbeForTests(CamundaClient client, CamundaProcessTestContext processTest) implements ProcessProbe {

    /** Beyond the longest timer of the models' defaults (the parcel expiry of 30 days). */
    private static final Duration PAST_EVERY_TIMER = Duration.ofDays(31);

    @Override
    public String describe(String returnId) {
        return "incidents: " + client.newIncidentSearchRequest().send().join().items().stream()
                .map(incident -> incident.getElementId() + ": " + incident.getErrorMessage()).toList();
    }

    /** Zeebe fires timers by its clock, not one by one: the test cluster's clock moves past every timer. */
    @Override
    public void fireTimer(String returnId, String timerElementId) {
        processTest.increaseTime(PAST_EVERY_TIMER);
    }

    /** Camunda's Tasklist assigns the task to the person, then completes it; listeners see the assignee. */
    @Override
    public void completeInTasklist(String taskId, String userId, List<String> groups, Map<String, Object> variables) {
        long key = Long.parseLong(taskId);
        client.newAssignUserTaskCommand(key).assignee(userId).send().join();
        client.newCompleteUserTaskCommand(key).variables(variables).send().join();
    }
}
