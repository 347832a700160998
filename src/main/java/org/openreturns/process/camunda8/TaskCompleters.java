package org.openreturns.process.camunda8;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import org.openreturns.process.Runtimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Who completed the user tasks that lead to a step, for the variables the model names ({@code completedByVariable},
 * e.g. {@code inspectedBy}). On Camunda 8 a task completed in Camunda's Tasklist cannot set that variable itself
 * (task listeners cannot set variables in 8.8, camunda/camunda#23702), so the worker of the next step reads the
 * person from the task: its assignee, as Tasklist completes only tasks assigned to the person completing them and
 * the application's task API assigns the task to its caller first.
 *
 * <p>The newest instance of the task in the process instance counts, so a task done again (an inspection sent back)
 * names the person of the last round. Camunda 8's search follows the engine by a moment: a task not yet shown as
 * completed makes the step wait briefly and try again, without using one of its retries. A search that has not
 * caught up after {@code returns.camunda8.search-catch-up-limit} is no moment's lag but a stalled exporter: the step
 * then fails with a message saying so, using its retries, and ends in an incident rather than waiting for ever.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class TaskCompleters {

    private final CamundaClient client;
    private final Camunda8Models models;
    private final Clock clock;
    private final Duration catchUpLimit;
    /** Since when each job (by key) has waited for the search; kept in memory, a restart starts the wait anew. */
    private final Map<Long, Instant> waitingSince = new ConcurrentHashMap<>();

    TaskCompleters(CamundaClient client, Camunda8Models models, Clock clock,
                   @Value("${returns.camunda8.search-catch-up-limit:PT2M}") Duration catchUpLimit) {
        this.client = client;
        this.models = models;
        this.clock = clock;
        this.catchUpLimit = catchUpLimit;
    }

    /**
     * The completedBy variables of the user tasks before this job's step, by variable name.
     *
     * @throws TaskCompletionNotVisibleException the search does not show the task completed yet: try again shortly
     * @throws IllegalStateException             it has not for longer than the catch-up limit
     */
    Map<String, Object> of(ActivatedJob job) {
        Map<String, Object> completedBy = new LinkedHashMap<>();
        try {
            for (Camunda8Models.CompletedBy before : models.completedByBefore(job.getBpmnProcessId(),
                    job.getElementId())) {
                newest(job.getProcessInstanceKey(), before.userTaskElementId())
                        .flatMap(task -> completer(task, job))
                        .ifPresent(person -> completedBy.put(before.variable(), person));
            }
        } catch (TaskCompletionNotVisibleException e) {
            Instant now = clock.instant();
            waitingSince.values().removeIf(since -> since.isBefore(now.minus(catchUpLimit.multipliedBy(2))));
            Instant since = waitingSince.computeIfAbsent(job.getKey(), key -> now);
            if (Duration.between(since, now).compareTo(catchUpLimit) >= 0) {
                waitingSince.remove(job.getKey());
                throw new IllegalStateException(e.getMessage() + " after " + catchUpLimit + " of waiting: Camunda 8's"
                        + " exporter to its secondary storage seems stalled (check the cluster's Elasticsearch and"
                        + " exporter); the step fails and retries", e);
            }
            throw e;
        }
        waitingSince.remove(job.getKey());
        return completedBy;
    }

    private Optional<UserTask> newest(long processInstanceKey, String elementId) {
        return client.newUserTaskSearchRequest()
                .filter(filter -> filter.processInstanceKey(processInstanceKey).elementId(elementId))
                .sort(sort -> sort.creationDate().desc())
                .page(page -> page.limit(1))
                .send().join().items().stream().findFirst();
    }

    /**
     * The person who completed the task; none when it was completed without an assignee (the step then names the
     * missing variable). A task not yet shown as completed is a search that lags behind the engine.
     */
    static Optional<String> completer(UserTask task, ActivatedJob job) {
        if (task.getState() != UserTaskState.COMPLETED) {
            throw new TaskCompletionNotVisibleException("Task " + task.getElementId() + " (" + task.getUserTaskKey()
                    + ") before step " + job.getElementId() + " is not yet shown as completed by Camunda 8's search");
        }
        return Optional.ofNullable(task.getAssignee()).filter(assignee -> !assignee.isBlank());
    }

    /** Camunda 8's search has not caught up with a task completion yet; the step tries again shortly. */
    static final class TaskCompletionNotVisibleException extends RuntimeException {
        TaskCompletionNotVisibleException(String message) {
            super(message);
        }
    }
}
