package org.openreturns.process.operaton;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.process.CamundaFormValidator;
import org.openreturns.process.HumanTask;
import org.openreturns.process.HumanTasks;
import org.openreturns.process.InvalidTaskSubmissionException.FieldViolation;
import org.openreturns.process.InvalidTaskSubmissionException;
import org.openreturns.process.Runtimes;
import org.openreturns.process.TaskAccessDeniedException;
import org.openreturns.process.TaskClaimedException;
import org.openreturns.process.TaskCompletedException;
import org.openreturns.process.TaskCompletionDeniedException;
import org.openreturns.process.TaskNotFoundException;
import org.operaton.bpm.engine.FormService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.operaton.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The user tasks of the embedded engine, the same ones Operaton's Tasklist shows. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonHumanTasks implements HumanTasks {

    /**
     * The variables that let a caller find the task of a return (and its line), of a parcel, of a break or of a
     * product-quality alert.
     */
    private static final List<String> CONTEXT_VARIABLES = List.of("returnId", "rmaNumber", "lineNo", "receiptId",
            "breakId", "alertId");

    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final ObjectMapper json;
    private final CommandExecutor commandExecutor;

    OperatonHumanTasks(TaskService taskService, FormService formService, IdentityService identityService,
                       HistoryService historyService, ObjectMapper json, ProcessEngine processEngine) {
        this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.taskService = taskService;
        this.formService = formService;
        this.identityService = identityService;
        this.historyService = historyService;
        this.json = json;
    }

    @Override
    public List<HumanTask> openTasksOfGroup(String group) {
        return openTasks(taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active()
                .initializeFormKeys().orderByTaskCreateTime().asc());
    }

    @Override
    public List<HumanTask> openTasksOf(String businessKey) {
        return openTasks(taskService.createTaskQuery().processInstanceBusinessKey(businessKey).active()
                .initializeFormKeys().orderByTaskCreateTime().asc());
    }

    @Override
    @Transactional
    public void involveGroup(String businessKey, String group) {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(businessKey).active().list()) {
            boolean involved = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId()));
            if (!involved) {
                taskService.addCandidateGroup(task.getId(), group);
            }
        }
    }

    @Override
    @Transactional
    public void complete(String taskId, String userId, Set<String> userGroups, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().taskId(taskId).active().initializeFormKeys().singleResult();
        if (task == null) {
            throwIfCompletedAlready(taskId);
            throw new TaskNotFoundException(taskId);
        }
        List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
        if (!mayWorkOn(task, links, userId, userGroups)) {
            throw new TaskAccessDeniedException("User " + userId + " is not a candidate for task " + taskId + " ("
                    + task.getName() + "); it is for " + candidateGroups(links));
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            throw new TaskClaimedException(taskId, task.getAssignee());
        }
        String formId = task.getOperatonFormRef() == null ? null : task.getOperatonFormRef().getKey();
        if (formId != null) {
            List<FieldViolation> violations = CamundaFormValidator.validate(readForm(taskId), variables);
            if (!violations.isEmpty()) {
                throw new InvalidTaskSubmissionException(formId, violations);
            }
        }
        // As the acting user, so that the engine's own authorization checks and history name them, as in Tasklist.
        identityService.setAuthentication(userId, List.copyOf(userGroups));
        try {
            if (task.getAssignee() == null) {
                taskService.claim(taskId, userId);
            }
            taskService.complete(taskId, variables);
        } catch (RuntimeException e) {
            Optional<TaskCompletionDeniedException> denied = deniedCompletion(e);
            if (denied.isPresent()) {
                throw denied.get();
            }
            // Someone completed it between the query above and this completion.
            throwIfCompletedAlready(taskId);
            throw e;
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Refuses a second completion when the history shows the task completed. */
    private void throwIfCompletedAlready(String taskId) {
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult();
        if (done != null && "completed".equals(done.getDeleteReason())) {
            throw new TaskCompletedException(taskId, done.getName(), done.getAssignee(), done.getEndTime().toInstant());
        }
    }

    /** A completion check's denial, however deep the engine wrapped it. */
    private static Optional<TaskCompletionDeniedException> deniedCompletion(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskCompletionDeniedException denied) {
                return Optional.of(denied);
            }
        }
        return Optional.empty();
    }

    private static boolean mayWorkOn(Task task, List<IdentityLink> links, String userId, Set<String> userGroups) {
        if (userId.equals(task.getAssignee())) {
            return true;
        }
        return links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> userId.equals(link.getUserId()) || userGroups.contains(link.getGroupId()));
    }

    private static List<String> candidateGroups(List<IdentityLink> links) {
        return links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null).sorted().toList();
    }

    private com.fasterxml.jackson.databind.JsonNode readForm(String taskId) {
        try (InputStream form = formService.getDeployedTaskForm(taskId)) {
            return json.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the form of task " + taskId, e);
        }
    }

    /**
     * The tasks the query finds, with their variables and groups, read in one command of the engine: one transaction
     * sees each task together with its variables and candidate groups (a task completed meanwhile is simply not
     * found, instead of failing a read of its variables), and the executions the tasks share are read once.
     */
    private List<HumanTask> openTasks(TaskQuery query) {
        return commandExecutor.execute(commandContext -> query.list().stream()
                .map(task -> toHumanTask((TaskEntity) task)).toList());
    }

    private HumanTask toHumanTask(TaskEntity task) {
        Map<String, Object> context = contextOf(task);
        String businessKey = context.get("returnId") instanceof String returnId ? returnId : null;
        return new HumanTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                task.getOperatonFormRef() == null ? null : task.getOperatonFormRef().getKey(),
                candidateGroups(List.<IdentityLink>copyOf(task.getIdentityLinks())), task.getAssignee(),
                task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getPriority(), task.getProcessInstanceId(), businessKey, context);
    }

    /**
     * The context variables as the task sees them: the nearest scope that has one wins (a line's number in its
     * multi-instance execution before the process's). Each scope reads only these names, as the task service would.
     */
    private static Map<String, Object> contextOf(TaskEntity task) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (AbstractVariableScope scope = task; scope != null; scope = scope.getParentVariableScope()) {
            for (CoreVariableInstance variable : scope.getVariableInstancesLocal(CONTEXT_VARIABLES)) {
                if (!context.containsKey(variable.getName())) {
                    context.put(variable.getName(), variable.getTypedValue(true).getValue());
                }
            }
        }
        return context;
    }
}
