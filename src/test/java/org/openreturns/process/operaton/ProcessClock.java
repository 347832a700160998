package org.openreturns.process.operaton;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.awaitility.core.ConditionTimeoutException;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.JobQuery;
import org.operaton.bpm.engine.runtime.ProcessInstance;

/**
 * Time for process tests: fires the timers of a business object's processes now instead of waiting for them, and
 * waits until the asynchronous steps that follow are done. Its callers need no engine classes, so process tests of
 * any package can use it; {@link org.openreturns.ProcessTestSupport} registers it.
 */
public class ProcessClock {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    ProcessClock(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /**
     * Fires every timer that the processes of the business key wait on now, as if its time had come, and runs
     * what follows up to the next wait state or asynchronous step.
     *
     * @return how many timers fired; a timer removed by one that fired before it (an interrupting event) does not
     */
    public int fireTimers(String businessKey) {
        int fired = 0;
        for (Job timer : jobs(businessKey, JobQuery::timers)) {
            if (managementService.createJobQuery().jobId(timer.getId()).count() == 1) {
                managementService.executeJob(timer.getId());
                fired++;
            }
        }
        return fired;
    }

    /** Fires the timer of one event (a boundary or catching timer event's id) once the process waits on it. */
    public void fireTimer(String businessKey, String timerEventId) {
        Job timer = await().atMost(PATIENCE).until(() -> jobs(businessKey, query -> query.timers()
                .activityId(timerEventId)).stream().findFirst().orElse(null), Objects::nonNull);
        managementService.executeJob(timer.getId());
    }

    /**
     * Waits until the processes of the business key have no asynchronous step left to run (they wait for a person,
     * a message or a timer, or have ended).
     *
     * @throws AssertionError when a step ran out of retries, with its error, or when the steps take too long
     */
    public void awaitJobsDone(String businessKey) {
        try {
            await().atMost(PATIENCE).until(() -> jobs(businessKey, JobQuery::messages).stream()
                    .allMatch(job -> job.getRetries() == 0));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The steps of " + businessKey + " are still running: "
                    + describe(jobs(businessKey, JobQuery::messages)), e);
        }
        List<Job> failed = jobs(businessKey, JobQuery::noRetriesLeft);
        if (!failed.isEmpty()) {
            throw new AssertionError("Steps of " + businessKey + " failed for good: " + describe(failed));
        }
    }

    private List<Job> jobs(String businessKey, UnaryOperator<JobQuery> filter) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(instanceId -> filter.apply(managementService.createJobQuery().processInstanceId(instanceId))
                        .list().stream())
                .toList();
    }

    private List<String> describe(List<Job> jobs) {
        return jobs.stream().map(job -> job.getProcessDefinitionKey() + " at " + managementService
                .createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()
                + (job.getExceptionMessage() == null ? "" : ": " + job.getExceptionMessage())).toList();
    }
}
