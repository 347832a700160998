package org.openreturns.process.camunda8;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link StepHandler} as a Camunda 8 job worker: a completed step completes the job with its output
 * variables, a business error becomes {@code throwError} with the model's error code, and an exception fails the
 * job, which Zeebe retries after the backoff until the task's {@code retries} are used up and raises an incident.
 *
 * <p>The handler's own transaction commits before the job is completed: when the completion is lost, Zeebe delivers
 * the job again and the idempotent handler answers the same without changing anything twice.
 */
final class StepJobHandler implements JobHandler {

    /** Camunda 8 has no business key: the runtime stores it in this variable when it starts a process. */
    static final String BUSINESS_KEY_VARIABLE = "businessKey";

    private static final Logger log = LoggerFactory.getLogger(StepJobHandler.class);

    /** How long a step waits when Camunda 8's search has not yet caught up with the task before it. */
    private static final Duration SEARCH_CATCH_UP = Duration.ofSeconds(1);

    private final StepHandler handler;
    private final Duration retryBackoff;
    private final Function<ActivatedJob, Map<String, Object>> taskCompleters;
    private final VariablesJson json;

    /**
     * @param taskCompleters who completed the user tasks before the job's step, as the completedBy variables the
     *                       model names (see {@link TaskCompleters})
     * @param json           writes the step's output variables, keeping null values (a variable mapped to null is
     *                       cleared, as {@link StepResult.Completed} promises)
     */
    StepJobHandler(StepHandler handler, Duration retryBackoff,
                   Function<ActivatedJob, Map<String, Object>> taskCompleters, VariablesJson json) {
        this.handler = handler;
        this.retryBackoff = retryBackoff;
        this.taskCompleters = taskCompleters;
        this.json = json;
    }

    @Override
    public void handle(JobClient client, ActivatedJob job) {
        StepResult result;
        Map<String, Object> completedBy;
        try {
            completedBy = taskCompleters.apply(job);
            result = handler.handle(context(job, completedBy));
        } catch (TaskCompleters.TaskCompletionNotVisibleException e) {
            log.debug("Step {} waits for the search: {}", job.getType(), e.getMessage());
            client.newFailCommand(job).retries(job.getRetries()).retryBackoff(SEARCH_CATCH_UP)
                    .errorMessage(e.getMessage()).send().join();
            return;
        } catch (RuntimeException e) {
            fail(client, job, "Step", e, retryBackoff);
            return;
        }
        // Who completed the task before is kept in the instance, as the embedded runtime's complete listener does.
        if (result instanceof StepResult.BusinessError error) {
            client.newThrowErrorCommand(job).errorCode(error.errorCode()).errorMessage(error.message())
                    .variables(json.write(merged(completedBy, error.variables()))).send().join();
        } else {
            client.newCompleteCommand(job)
                    .variables(json.write(merged(completedBy, ((StepResult.Completed) result).variables())))
                    .send().join();
        }
    }

    /**
     * Fails the job with one retry less, to be tried again after the backoff; Zeebe raises an incident when none is
     * left. Shared by the workers of steps and of task listeners.
     */
    static void fail(JobClient client, ActivatedJob job, String what, RuntimeException failure, Duration backoff) {
        int retriesLeft = Math.max(job.getRetries() - 1, 0);
        log.warn("{} {} of process instance {} failed ({} retries left): {}", what, job.getType(),
                job.getProcessInstanceKey(), retriesLeft, failure.toString());
        client.newFailCommand(job).retries(retriesLeft).retryBackoff(backoff)
                .errorMessage(String.valueOf(failure.getMessage())).send().join();
    }

    private static Map<String, Object> merged(Map<String, Object> completedBy, Map<String, Object> output) {
        Map<String, Object> variables = new LinkedHashMap<>(completedBy);
        variables.putAll(output);
        return variables;
    }

    static StepContext context(ActivatedJob job) {
        return context(job, Map.of());
    }

    private static StepContext context(ActivatedJob job, Map<String, Object> completedBy) {
        Map<String, Object> variables = new LinkedHashMap<>(job.getVariablesAsMap());
        variables.putAll(completedBy);
        return new StepContext(job.getType(), String.valueOf(job.getProcessInstanceKey()),
                (String) variables.get(BUSINESS_KEY_VARIABLE), variables);
    }
}
