package org.openreturns.process.camunda8;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionCheck;

/**
 * Runs a {@link TaskCompletionCheck} as the job worker of a Camunda 8 {@code completing} user task listener, so the
 * rule holds in Camunda's Tasklist as it does in the application's task API: a denial completes the listener job
 * as denied, and the task stays open with the reason.
 *
 * <p>The person completing is the task's assignee (Tasklist completes assigned tasks only; the task API assigns the
 * task to its authenticated caller right before completing). A listener job of Camunda 8.8 does not say who sent the
 * completion (camunda/camunda#42042), so the assignee is the best it knows. A task completed without an assignee is
 * refused: nobody could be checked.
 */
final class CompletionCheckJobHandler implements JobHandler {

    private final TaskCompletionCheck check;
    private final Duration retryBackoff;

    CompletionCheckJobHandler(TaskCompletionCheck check, Duration retryBackoff) {
        this.check = check;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public void handle(JobClient client, ActivatedJob job) {
        Optional<String> denial;
        try {
            denial = denial(job);
        } catch (RuntimeException e) {
            StepJobHandler.fail(client, job, "Task completion check", e, retryBackoff);
            return;
        }
        client.newCompleteCommand(job)
                .withResult(result -> result.forUserTask().deny(denial.isPresent(), denial.orElse(null)))
                .send().join();
    }

    private Optional<String> denial(ActivatedJob job) {
        String assignee = job.getUserTask() == null ? null : job.getUserTask().getAssignee();
        if (assignee == null || assignee.isBlank()) {
            return Optional.of("Assign the task to yourself before completing it, so that who completes it can be"
                    + " checked");
        }
        Map<String, Object> variables = StepJobHandler.context(job).variables();
        TaskCompletion completion = new TaskCompletion(job.getElementId(), String.valueOf(job.getProcessInstanceKey()),
                (String) variables.get(StepJobHandler.BUSINESS_KEY_VARIABLE), assignee, variables);
        return check.denial(completion);
    }
}
