package org.openreturns.process.camunda8;

import java.time.Duration;
import java.time.Instant;

import io.camunda.client.api.command.ProblemException;
import org.openreturns.process.Runtimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs set-up work against the Camunda 8 cluster on a {@link TaskScheduler}, again after an interval until it goes
 * through: the cluster may start after the application (as in docker-compose), and the application must not wait
 * for it.
 *
 * <p>A cluster that answers and refuses (a 4xx problem, e.g. 400 for a value it does not accept, 401 or 403 for the
 * client's credentials) is not "unreachable": trying again would only repeat the refusal every interval. Such work is
 * reported once as a configuration error and not tried again; the application has to be reconfigured and restarted.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class UntilTheClusterAnswers {

    private static final Logger log = LoggerFactory.getLogger(UntilTheClusterAnswers.class);

    private final TaskScheduler scheduler;

    UntilTheClusterAnswers(@Qualifier(Camunda8Scheduling.SET_UP_SCHEDULER) TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts the work in the background.
     *
     * @param what what the work does, for the log, e.g. "the model deployment"
     * @param work done when it returns; {@link RefusedByTheCluster} or a 4xx {@link ProblemException} ends it as a
     *             configuration error, any other exception means "try again after the interval"
     */
    void run(String what, Duration interval, Runnable work) {
        scheduler.schedule(() -> attempt(what, interval, work), Instant.now());
    }

    private void attempt(String what, Duration interval, Runnable work) {
        try {
            work.run();
        } catch (RefusedByTheCluster e) {
            log.error("Camunda 8 refused {}, not tried again: {}", what, e.getMessage());
        } catch (ProblemException e) {
            if (!isRefusal(e)) {
                retryLater(what, interval, work, e);
                return;
            }
            log.error("Camunda 8 refused {} ({} {}), not tried again: check the configuration and restart", what,
                    e.code(), e.details() == null ? e.getMessage() : e.details().getDetail());
        } catch (RuntimeException e) {
            retryLater(what, interval, work, e);
        }
    }

    private void retryLater(String what, Duration interval, Runnable work, RuntimeException failure) {
        log.warn("Camunda 8 cluster not reachable or not ready for {} ({}); trying again in {}", what,
                failure.getMessage(), interval);
        try {
            scheduler.schedule(() -> attempt(what, interval, work), Instant.now().plus(interval));
        } catch (TaskRejectedException stopping) {
            log.info("Not trying {} again: the application is stopping", what);
        }
    }

    /** The cluster answered and will answer the same again: the request, not the moment, is wrong. */
    static boolean isRefusal(ProblemException e) {
        return e.code() >= 400 && e.code() < 500;
    }

    /** The cluster refused the work for a reason the configuration has to fix; the message says which. */
    static final class RefusedByTheCluster extends RuntimeException {
        RefusedByTheCluster(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
