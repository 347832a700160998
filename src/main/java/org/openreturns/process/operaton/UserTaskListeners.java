package org.openreturns.process.operaton;

import java.util.Map;

import org.openreturns.process.Runtimes;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionChecks;
import org.openreturns.process.TaskCompletionDeniedException;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs a model's {@code completing} user task listeners (translated to complete listeners) as
 * {@link org.openreturns.process.TaskCompletionCheck}s. A denial throws, which rolls the completion back: the task
 * stays open, in Tasklist (which shows the message) as through the API.
 *
 * <p>Public, with a public method, because the engine's expression language calls it by reflection.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component("userTaskListeners")
public class UserTaskListeners {

    private final TaskCompletionChecks checks;
    private final IdentityService identityService;

    UserTaskListeners(TaskCompletionChecks checks, IdentityService identityService) {
        this.checks = checks;
        this.identityService = identityService;
    }

    public TaskListener forType(String type) {
        return task -> checks.forType(type)
                .orElseThrow(() -> new IllegalStateException("No task completion check for listener type " + type))
                .denial(completion(task))
                .ifPresent(denial -> {
                    throw new TaskCompletionDeniedException(denial);
                });
    }

    private TaskCompletion completion(DelegateTask task) {
        Map<String, Object> variables = task.getVariables();
        String businessKey = task.getExecution().getProcessBusinessKey();
        return new TaskCompletion(task.getTaskDefinitionKey(), task.getProcessInstanceId(), businessKey,
                completingUser(task.getAssignee()), variables);
    }

    private String completingUser(String assignee) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        if (assignee != null) {
            return assignee;
        }
        throw new IllegalStateException("A user task was completed by nobody: no authenticated user and no assignee");
    }
}
