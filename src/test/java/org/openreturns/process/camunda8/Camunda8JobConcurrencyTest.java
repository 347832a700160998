package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openreturns.process.camunda8.FakeOrchestrationCluster.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The job workers of the {@code camunda8} profile run several jobs at once. The starter's default of one execution
 * thread (8.8.14) ran every job of every worker one after another; this test gives a worker, on the client the
 * application's configuration builds, more jobs than one thread could run together, each waiting for the others to
 * start. Jobs come from a fake of the cluster's job activation endpoint ({@code POST /v2/jobs/activation}, answering
 * at most {@code maxJobsToActivate} jobs as documented).
 */
@SpringBootTest(properties = {"returns.camunda8.deploy-models=false", "camunda.client.prefer-rest-over-grpc=true"})
@ActiveProfiles({"test", "camunda8"})
class Camunda8JobConcurrencyTest {

    private static final String PROBE = "concurrency-probe";
    private static final int AT_ONCE = 4;
    private static final FakeOrchestrationCluster CLUSTER = new FakeOrchestrationCluster();
    private static final AtomicBoolean HANDED_OUT = new AtomicBoolean();

    static {
        CLUSTER.route("POST", "/v2/jobs/activation", request -> {
            if (!request.body().get("type").asText().equals(PROBE) || HANDED_OUT.getAndSet(true)) {
                return Answer.json(200, Map.of("jobs", List.of()));
            }
            int limit = request.body().get("maxJobsToActivate").asInt();
            List<Map<String, Object>> jobs = new ArrayList<>();
            for (int i = 1; i <= Math.min(AT_ONCE, limit); i++) {
                jobs.add(job(i));
            }
            return Answer.json(200, Map.of("jobs", jobs));
        });
        CLUSTER.route("POST", "/v2/jobs/(\\d+)/completion", request -> Answer.noContent());
    }

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry properties) {
        properties.add("camunda.client.rest-address", CLUSTER::address);
        properties.add("camunda.client.grpc-address", CLUSTER::address);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Autowired
    CamundaClient client;

    @Test
    void aWorkerRunsSeveralJobsAtOnce() {
        assertThat(client.getConfiguration().getNumJobWorkerExecutionThreads()).isEqualTo(8);
        assertThat(client.getConfiguration().getDefaultJobWorkerMaxJobsActive()).isEqualTo(8);
        CyclicBarrier allStarted = new CyclicBarrier(AT_ONCE);
        AtomicInteger ranTogether = new AtomicInteger();

        try (JobWorker worker = client.newWorker().jobType(PROBE).handler((jobClient, job) -> {
            try {
                allStarted.await(10, TimeUnit.SECONDS);
                ranTogether.incrementAndGet();
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("job " + job.getKey() + " ran alone", e);
            }
            jobClient.newCompleteCommand(job).send().join();
        }).open()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    CLUSTER.requests("POST", "/v2/jobs/(\\d+)/completion")).hasSize(AT_ONCE));
        }
        assertThat(ranTogether).hasValue(AT_ONCE);
    }

    private static Map<String, Object> job(int number) {
        return Map.ofEntries(Map.entry("jobKey", String.valueOf(2251799813685000L + number)),
                Map.entry("type", PROBE),
                Map.entry("processDefinitionId", "return-process"), Map.entry("processDefinitionVersion", 1),
                Map.entry("processDefinitionKey", "2251799813685001"), Map.entry("elementId", "probe"),
                Map.entry("processInstanceKey", "2251799813685002"),
                Map.entry("elementInstanceKey", String.valueOf(2251799813686000L + number)),
                Map.entry("customHeaders", Map.of()), Map.entry("worker", "test"), Map.entry("retries", 3),
                Map.entry("deadline", System.currentTimeMillis() + 300_000), Map.entry("variables", Map.of()),
                Map.entry("tenantId", "<default>"), Map.entry("kind", "BPMN_ELEMENT"),
                Map.entry("listenerEventType", "UNSPECIFIED"));
    }
}
