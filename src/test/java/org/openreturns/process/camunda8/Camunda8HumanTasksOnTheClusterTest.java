package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreturns.process.HumanTask;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.models.ProjectModels;
import org.openreturns.process.TaskCompletionCheck;
import org.openreturns.process.TaskCompletionChecks;
import org.openreturns.process.TaskCompletionDeniedException;
import org.openreturns.process.camunda8.FakeOrchestrationCluster.Answer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The task API on Camunda 8 against a fake of the cluster's user-task and variable endpoints that applies Camunda
 * 8.8's documented behaviour:
 * <ul>
 *   <li>a variable search truncates values longer than 8,191 characters unless asked with
 *       {@code truncateValues=false} ({@code POST /v2/variables/search});</li>
 *   <li>assigning a task assigned to someone else needs {@code allowOverride} (else 409, invalid state);</li>
 *   <li>a completion the {@code completing} listener denies is rejected with 409 ("Completion of the User Task with
 *       key ... was denied by Task Listener. Reason to deny: ...") and the task keeps its assignee
 *       ({@code UserTaskProcessor} writes COMPLETION_DENIED with the persisted task).</li>
 * </ul>
 */
class Camunda8HumanTasksOnTheClusterTest {

    private static final int PREVIEW_LIMIT = 8191;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INSTANCE = 2251799813685100L;
    private static final long TASK = 2251799813685300L;

    private final FakeOrchestrationCluster cluster = new FakeOrchestrationCluster();
    private final CamundaClient client = cluster.client();
    private final Map<Long, Map<String, Object>> tasks = new ConcurrentHashMap<>();
    /** Process-scope variables by instance, as JSON text. */
    private final Map<Long, Map<String, String>> variables = new ConcurrentHashMap<>();
    /** Whom the cluster's check-four-eyes listener denies, with the reason. */
    private final Map<String, String> listenerDenies = new ConcurrentHashMap<>();
    /** Whom the application's own four-eyes check denies. */
    private final Set<String> checkDenies = ConcurrentHashMap.newKeySet();
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final Camunda8HumanTasks humanTasks = new Camunda8HumanTasks(client,
            new Camunda8Models(ProjectModels.files()),
            beans.getBeanProvider(TaskCompletionChecks.class), new VariablesJson(new ObjectMapper()));

    Camunda8HumanTasksOnTheClusterTest() {
        beans.addBean("checks", new TaskCompletionChecks(List.of(new TaskCompletionCheck() {
            @Override
            public String type() {
                return "check-four-eyes";
            }

            @Override
            public Optional<String> denial(TaskCompletion completion) {
                return checkDenies.contains(completion.completingUser())
                        ? Optional.of(completion.completingUser() + " inspected this return") : Optional.empty();
            }
        })));
        cluster.route("POST", "/v2/user-tasks/search", request -> Answer.json(200, Map.of("items",
                tasks.values().stream().filter(task -> matches(request.body().at("/filter/candidateGroup"),
                        ((List<?>) task.get("candidateGroups")))).toList(), "page", Map.of("totalItems", tasks.size()))));
        cluster.route("GET", "/v2/user-tasks/(\\d+)", request -> Optional.ofNullable(
                        tasks.get(Long.parseLong(request.pathPart(1)))).map(task -> Answer.json(200, task))
                .orElse(Answer.problem(404, "NOT_FOUND", "No user task")));
        cluster.route("GET", "/v2/user-tasks/(\\d+)/form", request -> Answer.json(200, Map.of("formKey", "11",
                "formId", "return-approval", "version", 1, "tenantId", "<default>", "schema", form())));
        cluster.route("POST", "/v2/variables/search", this::searchVariables);
        cluster.route("POST", "/v2/user-tasks/(\\d+)/assignment", request -> {
            Map<String, Object> task = tasks.get(Long.parseLong(request.pathPart(1)));
            Object current = task.get("assignee");
            String assignee = request.body().get("assignee").asText();
            if (current != null && !current.equals(assignee) && !request.body().path("allowOverride").asBoolean()) {
                return Answer.problem(409, "INVALID_STATE", "Command 'CLAIM' rejected with code 'INVALID_STATE':"
                        + " Expected to claim user task with key '" + TASK + "', but it has already been assigned");
            }
            task.put("assignee", assignee);
            return Answer.noContent();
        });
        cluster.route("DELETE", "/v2/user-tasks/(\\d+)/assignee", request -> {
            tasks.get(Long.parseLong(request.pathPart(1))).remove("assignee");
            return Answer.noContent();
        });
        cluster.route("POST", "/v2/user-tasks/(\\d+)/completion", request -> {
            long key = Long.parseLong(request.pathPart(1));
            Map<String, Object> task = tasks.get(key);
            String reason = listenerDenies.get(String.valueOf(task.get("assignee")));
            if (reason != null) {
                return Answer.problem(409, "INVALID_STATE", "Command 'COMPLETE' rejected with code 'INVALID_STATE':"
                        + " Completion of the User Task with key '" + key + "' was denied by Task Listener."
                        + " Reason to deny: '" + reason + "'");
            }
            task.put("state", "COMPLETED");
            return Answer.noContent();
        });
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void anApprovalCompletesWhenTheInstanceHasAVariableLongerThanASearchShowsInFull() throws Exception {
        approvalTask(TASK, INSTANCE, null);
        variables.get(INSTANCE).put("history", JSON.writeValueAsString("x".repeat(10_000)));

        humanTasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", true, "comment", "Serial verified"));

        assertThat(tasks.get(TASK)).containsEntry("state", "COMPLETED");
        assertThat(cluster.requests("POST", "/v2/variables/search")).allSatisfy(search -> {
            assertThat(search.query()).contains("truncateValues=false");
            assertThat(search.body().at("/filter/name").toString()).doesNotContain("history");
        });
    }

    @Test
    void listingTasksReadsTheVariablesOfAllTasksInOneSearch() {
        approvalTask(TASK, INSTANCE, null);
        approvalTask(TASK + 1, INSTANCE + 1, null);
        approvalTask(TASK + 2, INSTANCE + 2, "manager1");

        List<HumanTask> listed = humanTasks.openTasksOfGroup("finance");

        assertThat(listed).hasSize(3).allSatisfy(task -> assertThat(task.businessKey()).isNotNull());
        assertThat(listed).extracting(task -> task.context().get("rmaNumber"))
                .containsExactlyInAnyOrder("RMA-" + INSTANCE, "RMA-" + (INSTANCE + 1), "RMA-" + (INSTANCE + 2));
        assertThat(cluster.requests("POST", "/v2/variables/search")).hasSize(1);
        assertThat(cluster.requests("POST", "/v2/user-tasks/\\d+/variables/search")).isEmpty();
    }

    @Test
    void aCompletionTheListenerDeniesLeavesTheTaskWithNobodyRatherThanWithTheDeniedPerson() {
        approvalTask(TASK, INSTANCE, null);
        listenerDenies.put("finance1", "finance1 inspected this return");

        assertThatThrownBy(() -> humanTasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", true, "comment", "ok")))
                .isInstanceOf(TaskCompletionDeniedException.class).hasMessageContaining("finance1 inspected");

        assertThat(tasks.get(TASK)).containsEntry("state", "CREATED").doesNotContainKey("assignee");
    }

    @Test
    void anApproverTakesOverATaskLeftWithSomeoneTheChecksRefuse() {
        // The inspector tried to approve in Tasklist: the listener denied it and the task kept them as assignee.
        approvalTask(TASK, INSTANCE, "quality1");
        checkDenies.add("quality1");

        humanTasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", true, "comment", "Serial verified"));

        assertThat(tasks.get(TASK)).containsEntry("state", "COMPLETED").containsEntry("assignee", "finance1");
    }

    private Answer searchVariables(FakeOrchestrationCluster.Request request) {
        boolean truncate = request.query() == null || !request.query().contains("truncateValues=false");
        List<Map<String, Object>> items = new ArrayList<>();
        variables.forEach((instance, byName) -> byName.forEach((name, value) -> {
            if (matches(request.body().at("/filter/processInstanceKey"), String.valueOf(instance))
                    && matches(request.body().at("/filter/name"), name)) {
                boolean truncated = truncate && value.length() > PREVIEW_LIMIT;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("variableKey", String.valueOf(instance * 10 + items.size()));
                item.put("name", name);
                item.put("value", truncated ? value.substring(0, PREVIEW_LIMIT) : value);
                item.put("isTruncated", truncated);
                item.put("scopeKey", String.valueOf(instance));
                item.put("processInstanceKey", String.valueOf(instance));
                item.put("tenantId", "<default>");
                items.add(item);
            }
        }));
        return Answer.json(200, Map.of("items", items, "page", Map.of("totalItems", items.size())));
    }

    /**
     * A filter property as the REST API takes it: a plain value, or operators that must all hold ({@code $eq},
     * {@code $in}; the client sends an empty {@code $in} for "not set"). No condition matches all.
     */
    private static boolean matches(JsonNode condition, Object value) {
        if (condition.isMissingNode() || condition.isNull()) {
            return true;
        }
        if (value instanceof List<?> values) {
            return values.stream().anyMatch(each -> matches(condition, each));
        }
        if (!condition.isObject()) {
            return condition.asText().equals(String.valueOf(value));
        }
        List<String> allowed = new ArrayList<>();
        condition.path("$in").forEach(each -> allowed.add(each.asText()));
        return (!condition.has("$eq") || condition.get("$eq").asText().equals(String.valueOf(value)))
                && (allowed.isEmpty() || allowed.contains(String.valueOf(value)));
    }

    private void approvalTask(long key, long instance, String assignee) {
        Map<String, Object> task = new HashMap<>();
        task.put("userTaskKey", String.valueOf(key));
        task.put("name", "Approve disposition and refund");
        task.put("state", "CREATED");
        if (assignee != null) {
            task.put("assignee", assignee);
        }
        task.put("elementId", "ApproveReturn");
        task.put("elementInstanceKey", String.valueOf(key + 1));
        task.put("candidateGroups", List.of("finance", "manager"));
        task.put("candidateUsers", List.of());
        task.put("processDefinitionId", "return-process");
        task.put("processDefinitionKey", "2251799813685001");
        task.put("processDefinitionVersion", 1);
        task.put("processInstanceKey", String.valueOf(instance));
        task.put("formKey", "11");
        task.put("creationDate", "2026-11-26T10:00:00.000Z");
        task.put("tenantId", "<default>");
        task.put("customHeaders", Map.of());
        task.put("priority", 50);
        tasks.put(key, task);
        Map<String, String> instanceVariables = new ConcurrentHashMap<>();
        instanceVariables.put("returnId", "\"return-" + instance + "\"");
        instanceVariables.put("rmaNumber", "\"RMA-" + instance + "\"");
        instanceVariables.put("businessKey", "\"return-" + instance + "\"");
        variables.put(instance, instanceVariables);
    }

    private static String form() {
        try {
            return Files.readString(Path.of("forms", "return-approval.form"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
