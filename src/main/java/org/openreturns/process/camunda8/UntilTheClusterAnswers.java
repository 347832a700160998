package org.openreturns.process.camunda8;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs set-up work against the Camunda 8 cluster in a background thread, again and again until it goes through:
 * the cluster may start after the application (as in docker-compose), and the application must not wait for it.
 */
final class UntilTheClusterAnswers {

    private static final Logger log = LoggerFactory.getLogger(UntilTheClusterAnswers.class);

    private UntilTheClusterAnswers() {
    }

    /**
     * @param what  what the work does, for the log, e.g. "the model deployment"
     * @param work  done when it returns; an exception means "try again after the interval"
     */
    static void run(String threadName, String what, Duration interval, Runnable work) {
        Thread thread = new Thread(() -> retry(what, interval, work), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static void retry(String what, Duration interval, Runnable work) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                log.warn("Camunda 8 cluster not reachable for {} ({}); trying again in {}", what, e.getMessage(),
                        interval);
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
