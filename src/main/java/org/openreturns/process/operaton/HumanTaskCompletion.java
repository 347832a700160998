package org.openreturns.process.operaton;

import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Records who completed a user task in the process variable the model names with the user task's
 * {@code completedByVariable} property, so later steps (an audit entry, the four-eyes rule) know the person without
 * trusting a form field. The translator attaches it as a complete listener.
 *
 * <p>Public, with a public method, because the engine's expression language calls it by reflection.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component("humanTaskCompletion")
public class HumanTaskCompletion {

    private final IdentityService identityService;

    HumanTaskCompletion(IdentityService identityService) {
        this.identityService = identityService;
    }

    public TaskListener recordUserIn(String variableName) {
        return task -> task.getExecution().setVariable(variableName, completingUser(task.getAssignee()));
    }

    /** Tasklist and the HTTP API both complete tasks as an authenticated user; the assignee is the fallback. */
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
