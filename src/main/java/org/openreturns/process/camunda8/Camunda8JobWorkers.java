package org.openreturns.process.camunda8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.spring.event.CamundaClientClosingSpringEvent;
import io.camunda.client.spring.event.CamundaClientCreatedSpringEvent;
import org.openreturns.process.Runtimes;
import org.openreturns.process.StepHandlers;
import org.openreturns.process.TaskCompletionChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens one Camunda 8 job worker per service task type of the models (running its {@link StepHandlers step handler})
 * and one per {@code completing} user task listener type (running its task completion check). Startup fails when a
 * model uses a type the application does not serve, as on the embedded runtime.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8JobWorkers {

    private static final Logger log = LoggerFactory.getLogger(Camunda8JobWorkers.class);

    private final Duration jobTimeout;
    private final Map<String, JobHandler> handlersByJobType = new TreeMap<>();
    private final List<JobWorker> workers = new ArrayList<>();
    private final Set<String> openJobTypes = new TreeSet<>();

    Camunda8JobWorkers(Camunda8Models models, StepHandlers stepHandlers,
                       TaskCompletionChecks completionChecks, TaskCompleters taskCompleters,
                       @Value("${returns.process.retry-backoff}") Duration retryBackoff,
                       @Value("${returns.camunda8.job-timeout:PT1M}") Duration jobTimeout, VariablesJson json) {
        this.jobTimeout = jobTimeout;
        stepHandlers.requireHandlersFor(models.taskTypes());
        completionChecks.requireChecksFor(models.listenerTypes());
        for (String taskType : models.taskTypes()) {
            handlersByJobType.put(taskType,
                    new StepJobHandler(stepHandlers.forTaskType(taskType).orElseThrow(), retryBackoff,
                            taskCompleters::of, json));
        }
        for (String listenerType : models.listenerTypes()) {
            handlersByJobType.put(listenerType,
                    new CompletionCheckJobHandler(completionChecks.forType(listenerType).orElseThrow(), retryBackoff));
        }
    }

    /**
     * Opens the workers when the starter has created its client (at startup; in Camunda Process Test, for each test
     * with that test's client).
     */
    @EventListener
    synchronized void open(CamundaClientCreatedSpringEvent event) {
        close();
        try {
            handlersByJobType.forEach((jobType, handler) -> open(event.getClient(), jobType, handler));
        } catch (RuntimeException e) {
            log.warn("Camunda 8 job workers not opened: {}", e.getMessage());
            close();
            return;
        }
        log.info("Camunda 8 job workers open for {}", openJobTypes);
    }

    @EventListener(CamundaClientClosingSpringEvent.class)
    synchronized void close() {
        workers.forEach(JobWorker::close);
        workers.clear();
        openJobTypes.clear();
    }

    private void open(CamundaClient client, String jobType, JobHandler handler) {
        workers.add(client.newWorker().jobType(jobType).handler(handler)
                .name("open-returns-" + jobType)
                .timeout(jobTimeout)
                .open());
        openJobTypes.add(jobType);
    }

    synchronized boolean isOpen() {
        return !workers.isEmpty();
    }

    /** The handler the worker of this job type runs. */
    JobHandler handlerFor(String jobType) {
        JobHandler handler = handlersByJobType.get(jobType);
        if (handler == null) {
            throw new IllegalArgumentException("No worker for job type '" + jobType + "'");
        }
        return handler;
    }

    /** The job types with an open worker: every service task and listener type of the models while running. */
    synchronized Set<String> openJobTypes() {
        return Collections.unmodifiableSet(new TreeSet<>(openJobTypes));
    }
}
