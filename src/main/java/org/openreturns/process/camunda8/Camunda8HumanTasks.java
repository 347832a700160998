package org.openreturns.process.camunda8;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import org.openreturns.process.CamundaFormValidator;
import org.openreturns.process.HumanTask;
import org.openreturns.process.HumanTasks;
import org.openreturns.process.InvalidTaskSubmissionException;
import org.openreturns.process.InvalidTaskSubmissionException.FieldViolation;
import org.openreturns.process.Runtimes;
import org.openreturns.process.TaskAccessDeniedException;
import org.openreturns.process.TaskClaimedException;
import org.openreturns.process.TaskCompletedException;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionChecks;
import org.openreturns.process.TaskCompletionDeniedException;
import org.openreturns.process.TaskNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The user tasks of the Camunda 8 cluster, the ones Camunda's Tasklist shows, through Camunda 8's user-task API.
 *
 * <p>The API completes a task as Tasklist does: it assigns the task to the caller, then completes it with the
 * form's variables. The completing user goes into the variable the model names ({@code completedByVariable}) in the
 * same command, and the task's {@code completing} checks run before anything is sent, so a refused completion
 * changes nothing; Zeebe runs the same checks again through the listener workers.
 *
 * <p>Searches read Camunda 8's secondary storage, which follows the engine by a moment: a task that was just created
 * may not be listed yet.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8HumanTasks implements HumanTasks {

    /**
     * The variables that let a caller find the task of a return (and its line), of a parcel, of a break or of a
     * product-quality alert.
     */
    private static final List<String> CONTEXT_VARIABLES = List.of("returnId", "rmaNumber", "lineNo", "receiptId",
            "breakId", "alertId");

    /** The variable in which the process puts the task's title (the models' titleVariable). */
    private static final String TITLE_VARIABLE = "taskTitle";
    /** Camunda 8's priority of a task whose model sets none. */
    private static final int DEFAULT_PRIORITY = 50;

    /**
     * The variables read from an instance: those that identify its business object. The completion checks read their
     * facts from the application's tables by these ids (variables are ids and routing facts only, see
     * {@link org.openreturns.process.ProcessRuntime}), so a long variable such as a return's history is never fetched.
     */
    private static final List<String> IDENTIFYING_VARIABLES = List.of("returnId", "rmaNumber", "lineNo", "receiptId",
            "breakId", StepJobHandler.BUSINESS_KEY_VARIABLE, TITLE_VARIABLE);

    private static final int PAGE_SIZE = 1000;
    private static final int INSTANCES_PER_SEARCH = PAGE_SIZE / IDENTIFYING_VARIABLES.size();

    private final CamundaClient client;
    private final Camunda8Models models;
    /** Looked up when used: the checks depend on services that depend on these tasks. */
    private final ObjectProvider<TaskCompletionChecks> checks;
    private final VariablesJson json;

    Camunda8HumanTasks(CamundaClient client, Camunda8Models models, ObjectProvider<TaskCompletionChecks> checks,
                       VariablesJson json) {
        this.client = client;
        this.models = models;
        this.checks = checks;
        this.json = json;
    }

    @Override
    public List<HumanTask> openTasksOfGroup(String group) {
        return openTasks(filter -> filter.candidateGroup(group));
    }

    @Override
    public List<HumanTask> openTasksOf(String businessKey) {
        // Camunda 8 compares a variable filter with the variable's JSON value: a string is matched with its quotes.
        return openTasks(filter -> filter.processInstanceVariables(
                Map.of(StepJobHandler.BUSINESS_KEY_VARIABLE, json.write(businessKey))));
    }

    private List<HumanTask> openTasks(Consumer<UserTaskFilter> criteria) {
        List<UserTask> tasks = client.newUserTaskSearchRequest()
                .filter(filter -> criteria.accept(filter.state(UserTaskState.CREATED)))
                .sort(sort -> sort.creationDate().asc())
                .page(page -> page.limit(PAGE_SIZE))
                .send().join().items();
        Map<Long, Map<String, Object>> variables = identifyingVariables(
                tasks.stream().map(UserTask::getProcessInstanceKey).toList());
        return tasks.stream().map(task -> toHumanTask(task,
                variables.getOrDefault(task.getProcessInstanceKey(), Map.of()))).toList();
    }

    /**
     * Completes the task as the authenticated caller ({@code userId}): the checks run for the caller, the caller is
     * named in the completedBy variable, and the task is assigned to the caller right before the completion, so
     * Zeebe's {@code completing} listeners (which see only the assignee) check the same person.
     */
    @Override
    public void complete(String taskId, String userId, Set<String> userGroups, Map<String, Object> variables) {
        UserTask task = openTask(taskId);
        if (!mayWorkOn(task, userId, userGroups)) {
            throw new TaskAccessDeniedException("User " + userId + " is not a candidate for task " + taskId + " ("
                    + task.getName() + "); it is for " + task.getCandidateGroups());
        }
        Camunda8Models.UserTaskFacts facts = models.userTask(task.getBpmnProcessId(), task.getElementId());
        Map<String, Object> instanceVariables = identifyingVariables(List.of(task.getProcessInstanceKey()))
                .getOrDefault(task.getProcessInstanceKey(), Map.of());
        String assignee = task.getAssignee();
        boolean takingOver = assignee != null && !assignee.equals(userId);
        if (takingOver && denial(task, facts, assignee, instanceVariables, Map.of()).isEmpty()) {
            throw new TaskClaimedException(taskId, assignee);
        }
        if (task.getFormKey() != null) {
            List<FieldViolation> violations = CamundaFormValidator.validate(form(task), variables);
            if (!violations.isEmpty()) {
                throw new InvalidTaskSubmissionException(formId(task), violations);
            }
        }
        Optional<String> denial = denial(task, facts, userId, instanceVariables, variables);
        if (denial.isPresent()) {
            throw new TaskCompletionDeniedException(denial.get());
        }

        Map<String, Object> submitted = new LinkedHashMap<>(variables);
        facts.completedByVariable().ifPresent(variable -> submitted.put(variable, userId));
        if (!userId.equals(assignee)) {
            // Taking over only from someone the checks refuse, e.g. the inspector whose approval Tasklist denied.
            client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(userId).allowOverride(takingOver)
                    .send().join();
        }
        try {
            client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(json.write(submitted))
                    .send().join();
        } catch (ProblemException e) {
            // A listener worker may still refuse, e.g. when the facts changed since the check above. Zeebe keeps the
            // assignee of a denied completion; the task would stay with someone who may not complete it.
            if (isDeniedByListener(e)) {
                client.newUnassignUserTaskCommand(task.getUserTaskKey()).send().join();
                throw new TaskCompletionDeniedException(e.details().getDetail());
            }
            throw e;
        }
    }

    /** Zeebe's rejection of a completion a {@code completing} listener denied (409, "... was denied by Task Listener"). */
    private static boolean isDeniedByListener(ProblemException e) {
        return e.code() == 409 && e.details() != null
                && String.valueOf(e.details().getDetail()).contains("denied by Task Listener");
    }

    /** Why this person may not complete the task, by the task's completion checks; empty when they may. */
    private Optional<String> denial(UserTask task, Camunda8Models.UserTaskFacts facts, String userId,
                                    Map<String, Object> instanceVariables, Map<String, Object> submitted) {
        Map<String, Object> completionVariables = new LinkedHashMap<>(instanceVariables);
        completionVariables.putAll(submitted);
        TaskCompletion completion = new TaskCompletion(task.getElementId(), String.valueOf(task.getProcessInstanceKey()),
                (String) completionVariables.get(StepJobHandler.BUSINESS_KEY_VARIABLE), userId, completionVariables);
        for (String type : facts.completingListenerTypes()) {
            Optional<String> denial = checks.getObject().forType(type).orElseThrow().denial(completion);
            if (denial.isPresent()) {
                return denial;
            }
        }
        return Optional.empty();
    }

    @Override
    public void involveGroup(String businessKey, String group) {
        for (HumanTask task : openTasksOf(businessKey)) {
            if (!task.candidateGroups().contains(group)) {
                List<String> groups = new ArrayList<>(task.candidateGroups());
                groups.add(group);
                client.newUpdateUserTaskCommand(Long.parseLong(task.id())).candidateGroups(groups).send().join();
            }
        }
    }

    private UserTask openTask(String taskId) {
        long key;
        try {
            key = Long.parseLong(taskId);
        } catch (NumberFormatException e) {
            throw new TaskNotFoundException(taskId);
        }
        UserTask task;
        try {
            task = client.newUserTaskGetRequest(key).send().join();
        } catch (ProblemException e) {
            if (e.code() == 404) {
                throw new TaskNotFoundException(taskId);
            }
            throw e;
        }
        if (task.getState() == UserTaskState.COMPLETED) {
            throw new TaskCompletedException(taskId, task.getName(), task.getAssignee(),
                    task.getCompletionDate() == null ? null : task.getCompletionDate().toInstant());
        }
        if (task.getState() != UserTaskState.CREATED) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    private static boolean mayWorkOn(UserTask task, String userId, Set<String> userGroups) {
        return userId.equals(task.getAssignee())
                || (task.getCandidateUsers() != null && task.getCandidateUsers().contains(userId))
                || (task.getCandidateGroups() != null && task.getCandidateGroups().stream().anyMatch(userGroups::contains));
    }

    private JsonNode form(UserTask task) {
        Object schema = client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getSchema();
        return schema instanceof String text ? json.readTree("The form of task " + task.getUserTaskKey(), text)
                : json.toTree(schema);
    }

    private String formId(UserTask task) {
        return models.userTask(task.getBpmnProcessId(), task.getElementId()).formId().orElse(null);
    }

    /**
     * The identifying variables of these process instances, by instance: one search per {@link #INSTANCES_PER_SEARCH}
     * instances, not one per task. Only these names are fetched, and with their full values: a search truncates
     * values longer than 8,191 characters by default, and a truncated JSON value cannot be read.
     */
    private Map<Long, Map<String, Object>> identifyingVariables(Collection<Long> processInstanceKeys) {
        List<Long> keys = List.copyOf(new LinkedHashSet<>(processInstanceKeys));
        Map<Long, Map<String, Object>> byInstance = new HashMap<>();
        for (int from = 0; from < keys.size(); from += INSTANCES_PER_SEARCH) {
            List<Long> some = keys.subList(from, Math.min(keys.size(), from + INSTANCES_PER_SEARCH));
            client.newVariableSearchRequest().withFullValues()
                    .filter(filter -> filter.processInstanceKey(key -> key.in(some))
                            .name(name -> name.in(IDENTIFYING_VARIABLES)))
                    .page(page -> page.limit(PAGE_SIZE))
                    .send().join().items()
                    .stream()
                    // Variables of the process scope only: a local variable of the same name must not shadow them.
                    .filter(variable -> variable.getScopeKey().equals(variable.getProcessInstanceKey()))
                    .forEach(variable -> byInstance.computeIfAbsent(variable.getProcessInstanceKey(),
                            instance -> new LinkedHashMap<>()).put(variable.getName(), value(variable)));
        }
        return byInstance;
    }

    private HumanTask toHumanTask(UserTask task, Map<String, Object> instanceVariables) {
        Map<String, Object> context = new LinkedHashMap<>(instanceVariables);
        context.keySet().removeIf(name -> !CONTEXT_VARIABLES.contains(name) && !TITLE_VARIABLE.equals(name));
        String businessKey = context.get("returnId") instanceof String returnId ? returnId : null;
        // Camunda 8 names a task by its element only; the title the process prepared says what it is about.
        String name = context.remove(TITLE_VARIABLE) instanceof String title && !title.isBlank() ? title
                : task.getName();
        return new HumanTask(String.valueOf(task.getUserTaskKey()), name, task.getElementId(),
                formId(task),
                task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups(), task.getAssignee(),
                task.getCreationDate().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getPriority() == null ? DEFAULT_PRIORITY : task.getPriority(),
                String.valueOf(task.getProcessInstanceKey()), businessKey, context);
    }

    /** A variable's JSON value as a plain Java value (string, number, boolean, list, map or null). */
    private Object value(Variable variable) {
        return json.read("Variable " + variable.getName(), variable.getValue());
    }
}
