package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.response.ActivatedJob;
import org.junit.jupiter.api.Test;
import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;

/** How a step handler's answer becomes the command a Camunda 8 worker sends for its job. */
class StepJobHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingProxy<JobClient> client = RecordingProxy.jobClient();
    private final AtomicReference<StepContext> received = new AtomicReference<>();
    private Function<ActivatedJob, Map<String, Object>> taskCompleters = job -> Map.of();

    @Test
    void theHandlerGetsTheJobsVariablesAndTheBusinessKeyAsOnTheEmbeddedEngine() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("returnId", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        variables.put("businessKey", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        variables.put("lineNo", 2);
        variables.put("cleared", null);

        run(handler(StepResult.completed()), TestJob.step("record-inspection", 42, variables));

        StepContext context = received.get();
        assertThat(context.taskType()).isEqualTo("record-inspection");
        assertThat(context.processInstanceId()).isEqualTo("42");
        assertThat(context.businessKey()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(context.longValue("lineNo")).isEqualTo(2);
        assertThat(context.optionalString("cleared")).isEmpty();
    }

    @Test
    void aCompletedStepCompletesTheJobWithItsVariablesAndClearsTheOnesSetToNull() throws Exception {
        Map<String, Object> output = new HashMap<>();
        output.put("allLinesInspected", true);
        output.put("lineNo", 3L);
        output.put("inspectionProblem", null);

        run(handler(StepResult.completed(output)), TestJob.step("record-inspection", 1, Map.of()));

        assertThat(client.command()).isEqualTo("newCompleteCommand");
        String sent = (String) client.call("variables").orElseThrow().argument();
        assertThat(JSON.readTree(sent)).isEqualTo(JSON.readTree(
                "{\"allLinesInspected\":true,\"lineNo\":3,\"inspectionProblem\":null}"));
        assertThat(client.call("send")).isPresent();
    }

    @Test
    void aBusinessErrorIsThrownWithTheModelsErrorCodeMessageAndVariables() throws Exception {
        run(handler(StepResult.businessError("INSPECTION_INVALID", "grade is required",
                Map.of("inspectionProblem", "grade is required"))), TestJob.step("record-inspection", 1, Map.of()));

        assertThat(client.command()).isEqualTo("newThrowErrorCommand");
        assertThat(client.call("errorCode").orElseThrow().argument()).isEqualTo("INSPECTION_INVALID");
        assertThat(client.call("errorMessage").orElseThrow().argument()).isEqualTo("grade is required");
        assertThat(JSON.readTree((String) client.call("variables").orElseThrow().argument()))
                .isEqualTo(JSON.readTree("{\"inspectionProblem\":\"grade is required\"}"));
    }

    @Test
    void aFailureUsesOneOfTheTasksRetriesAndWaitsTheBackoff() {
        StepHandler failing = new StepHandler() {
            @Override
            public String taskType() {
                return "release-refunds";
            }

            @Override
            public StepResult handle(StepContext context) {
                throw new IllegalStateException("database unavailable");
            }
        };

        run(failing, new TestJob("release-refunds", "ReleaseRefunds", 1, 3, Map.of(), null));

        assertThat(client.command()).isEqualTo("newFailCommand");
        assertThat(client.call("retries").orElseThrow().argument()).isEqualTo(2);
        assertThat(client.call("retryBackoff").orElseThrow().argument()).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.call("errorMessage").orElseThrow().argument()).isEqualTo("database unavailable");
    }

    @Test
    void theLastRetryLeavesNoneSoZeebeRaisesAnIncident() {
        StepHandler failing = handler(null);

        run(failing, new TestJob("release-refunds", "ReleaseRefunds", 1, 1, Map.of(), null));

        assertThat(client.call("retries").orElseThrow().argument()).isEqualTo(0);
    }

    @Test
    void whoCompletedTheTaskBeforeReachesTheStepAndIsKeptInTheInstance() throws Exception {
        taskCompleters = job -> Map.of("inspectedBy", "quality2");

        run(handler(StepResult.completed(Map.of("allLinesInspected", true))),
                TestJob.step("record-inspection", 1, Map.of("inspectedBy", "quality1")));

        assertThat(received.get().string("inspectedBy")).as("the last round's inspector").isEqualTo("quality2");
        assertThat(JSON.readTree((String) client.call("variables").orElseThrow().argument()))
                .isEqualTo(JSON.readTree("{\"inspectedBy\":\"quality2\",\"allLinesInspected\":true}"));
    }

    @Test
    void aTaskCompletionTheSearchDoesNotShowYetMakesTheStepWaitWithoutUsingARetry() {
        taskCompleters = job -> {
            throw new TaskCompleters.TaskCompletionNotVisibleException("InspectReturn not yet completed");
        };

        run(handler(StepResult.completed()), new TestJob("record-inspection", "RecordInspection", 1, 3, Map.of(),
                null));

        assertThat(received.get()).as("the handler did not run").isNull();
        assertThat(client.command()).isEqualTo("newFailCommand");
        assertThat(client.call("retries").orElseThrow().argument()).isEqualTo(3);
        assertThat(client.call("retryBackoff").orElseThrow().argument()).isEqualTo(Duration.ofSeconds(1));
    }

    private void run(StepHandler handler, TestJob job) {
        new StepJobHandler(handler, Duration.ofSeconds(10), taskCompleters,
                new VariablesJson(new ObjectMapper())).handle(client.proxy(), job);
    }

    /** A handler that records what it received and answers {@code result} (null: it throws). */
    private StepHandler handler(StepResult result) {
        return new StepHandler() {
            @Override
            public String taskType() {
                return "record-inspection";
            }

            @Override
            public StepResult handle(StepContext context) {
                received.set(context);
                if (result == null) {
                    throw new IllegalStateException("failed");
                }
                return result;
            }
        };
    }
}
