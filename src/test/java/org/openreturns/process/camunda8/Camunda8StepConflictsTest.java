package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openreturns.process.camunda8.FakeOrchestrationCluster.Answer;
import org.openreturns.resolution.Resolutions;
import org.openreturns.system.OutageException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * On Camunda 8 a conflict in a step's data reaches the cluster as the BPMN error the model catches, and an outage as a
 * failed job that uses one of its retries: the application's own job workers (the {@code camunda8} profile) run the
 * real {@code release-refunds} handler for jobs a fake of the cluster hands out ({@code POST /v2/jobs/activation}),
 * and the fake records the answers ({@code POST /v2/jobs/{key}/error}, documented as "Throw error for job", and
 * {@code POST /v2/jobs/{key}/failure}). What the resolution finds is stubbed: the tests on the embedded engine
 * (BusinessConflictsTest) show the business side.
 */
@SpringBootTest(properties = {"returns.camunda8.deploy-models=false", "camunda.client.prefer-rest-over-grpc=true"})
@ActiveProfiles({"test", "camunda8"})
class Camunda8StepConflictsTest {

    private static final FakeOrchestrationCluster CLUSTER = new FakeOrchestrationCluster();
    private static final UUID DECLINED_RETURN = UUID.randomUUID();
    private static final UUID UNREACHABLE_RETURN = UUID.randomUUID();
    /** The return of each job the fake hands out, by job key. */
    private static final Map<Long, UUID> RETURN_OF_JOB = Map.of(2251799813690001L, DECLINED_RETURN,
            2251799813690002L, UNREACHABLE_RETURN);
    private static final Set<Long> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /** Jobs are handed out once the test has said what the resolution finds. */
    private static volatile boolean stubbed;

    static {
        CLUSTER.route("POST", "/v2/jobs/activation", request -> {
            if (!stubbed || !request.body().get("type").asText().equals("release-refunds")) {
                return Answer.json(200, Map.of("jobs", List.of()));
            }
            return Answer.json(200, Map.of("jobs", RETURN_OF_JOB.keySet().stream().filter(HANDED_OUT::add)
                    .map(key -> job(key, RETURN_OF_JOB.get(key))).toList()));
        });
        CLUSTER.route("POST", "/v2/jobs/(\\d+)/error", request -> Answer.noContent());
        CLUSTER.route("POST", "/v2/jobs/(\\d+)/failure", request -> Answer.noContent());
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

    @MockitoBean
    Resolutions resolutions;

    @Test
    void aDeclinedRefundIsThrownAsTheModelsBpmnErrorWithTheProblemForFinancesFormAndAnOutageFailsTheJob() {
        when(resolutions.releaseRefunds(eq(DECLINED_RETURN), any())).thenReturn(Optional.of(
                "The payment gateway declined the refund of line 1 (refund 7, 19.90 EUR): card expired."));
        when(resolutions.releaseRefunds(eq(UNREACHABLE_RETURN), any())).thenThrow(new OutageException(
                "Payment gateway OFFLINE did not answer for refund 8: connect timed out", null));
        stubbed = true;

        JsonNode error = await().atMost(Duration.ofSeconds(30)).until(() -> CLUSTER.requests("POST",
                "/v2/jobs/2251799813690001/error"), sent -> !sent.isEmpty()).get(0).body();
        assertThat(error.get("errorCode").asText()).isEqualTo("REFUND_DECLINED");
        assertThat(error.get("errorMessage").asText()).contains("card expired");
        assertThat(error.get("variables").get("conflictProblem").asText()).contains("card expired");
        assertThat(error.get("variables").get("taskTitle").asText()).isEqualTo("Refund declined · RMA-2026-000777");

        JsonNode failure = await().atMost(Duration.ofSeconds(30)).until(() -> CLUSTER.requests("POST",
                "/v2/jobs/2251799813690002/failure"), sent -> !sent.isEmpty()).get(0).body();
        assertThat(failure.get("retries").asInt()).as("one retry used").isEqualTo(2);
        assertThat(failure.get("errorMessage").asText()).contains("did not answer", "connect timed out");
        assertThat(CLUSTER.requests("POST", "/v2/jobs/2251799813690002/error")).as("no business path for an outage")
                .isEmpty();
    }

    private static Map<String, Object> job(long key, UUID returnId) {
        return Map.ofEntries(Map.entry("jobKey", String.valueOf(key)), Map.entry("type", "release-refunds"),
                Map.entry("processDefinitionId", "return-process"), Map.entry("processDefinitionVersion", 1),
                Map.entry("processDefinitionKey", "2251799813685001"), Map.entry("elementId", "ReleaseRefunds"),
                Map.entry("processInstanceKey", String.valueOf(key + 1000)),
                Map.entry("elementInstanceKey", String.valueOf(key + 2000)),
                Map.entry("customHeaders", Map.of()), Map.entry("worker", "test"), Map.entry("retries", 3),
                Map.entry("deadline", System.currentTimeMillis() + 300_000),
                Map.entry("variables", Map.of("returnId", returnId.toString(), "rmaNumber", "RMA-2026-000777",
                        "businessKey", "RMA-2026-000777")),
                Map.entry("tenantId", "<default>"), Map.entry("kind", "BPMN_ELEMENT"),
                Map.entry("listenerEventType", "UNSPECIFIED"));
    }
}
