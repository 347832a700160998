package org.openreturns.returns;

import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/**
 * Authorizes the return and sets how long the process waits for its parcel; a reason chosen in the review becomes
 * the code of the lines that waited for it.
 */
@Component
class AuthorizeReturnHandler implements StepHandler {

    private final ReturnAuthorizations authorizations;
    private final LineReasons lineReasons;
    private final LifecyclePolicy policy;

    AuthorizeReturnHandler(ReturnAuthorizations authorizations, LineReasons lineReasons, LifecyclePolicy policy) {
        this.authorizations = authorizations;
        this.lineReasons = lineReasons;
        this.policy = policy;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_AUTHORIZE;
    }

    @Override
    public StepResult handle(StepContext context) {
        lineReasons.chooseInReview(context.uuid(ReturnProcess.RETURN_ID),
                context.optionalString(ReturnProcess.REVIEWED_REASON_CODE).orElse(null),
                context.optionalString(ReturnProcess.REVIEWED_BY).orElse(null));
        authorizations.authorize(context.uuid(ReturnProcess.RETURN_ID),
                context.optionalString(ReturnProcess.REVIEWED_BY).orElse(null),
                context.optionalString(ReturnProcess.DECISION_REASON).orElse(null));
        return StepResult.completed(Map.of(ReturnProcess.PARCEL_EXPIRY, policy.parcelExpiry().toString()));
    }
}
