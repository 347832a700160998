package org.openreturns.resolution;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionCheck;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/**
 * Four eyes on a return's money, checked when a person completes the task, in Tasklist and through the API alike:
 * whoever inspected the return may not approve it or resolve its dispute, and whoever resolved the dispute may not
 * approve their own resolution.
 */
@Component
class FourEyesCheck implements TaskCompletionCheck {

    static final String DISPUTE_TASK = "ResolveDispute";

    private final Approvals approvals;

    FourEyesCheck(Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public String type() {
        return ReturnProcess.CHECK_FOUR_EYES;
    }

    @Override
    public Optional<String> denial(TaskCompletion completion) {
        UUID returnId = UUID.fromString((String) completion.variables().get(ReturnProcess.RETURN_ID));
        boolean dispute = DISPUTE_TASK.equals(completion.taskElementId());
        Set<String> excluded = dispute ? approvals.excludedDisputeResolvers(returnId)
                : approvals.excludedApprovers(returnId);
        if (!excluded.contains(completion.completingUser())) {
            return Optional.empty();
        }
        return Optional.of(completion.completingUser() + " inspected this return"
                + (dispute ? "" : " or resolved its dispute") + " and may not also "
                + (dispute ? "resolve its dispute" : "approve it") + ": four eyes are required");
    }
}
