package org.openreturns.returns;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/**
 * Rejects the return for the eligibility rules' reason, or for the reviewer's when a person refused it; a reason
 * chosen in the review still becomes the code of the lines that waited for it.
 */
@Component
class RejectReturnHandler implements StepHandler {

    private final ReturnAuthorizations authorizations;
    private final LineReasons lineReasons;

    RejectReturnHandler(ReturnAuthorizations authorizations, LineReasons lineReasons) {
        this.authorizations = authorizations;
        this.lineReasons = lineReasons;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_REJECT;
    }

    @Override
    public StepResult handle(StepContext context) {
        String reviewedBy = context.optionalString(ReturnProcess.REVIEWED_BY).orElse(null);
        String reason = reviewedBy == null ? context.string(ReturnProcess.ELIGIBILITY_REASON)
                : "Refused in review by " + reviewedBy + ": "
                + context.optionalString(ReturnProcess.DECISION_REASON).orElse("no reason given");
        lineReasons.chooseInReview(context.uuid(ReturnProcess.RETURN_ID),
                context.optionalString(ReturnProcess.REVIEWED_REASON_CODE).orElse(null), reviewedBy);
        authorizations.reject(context.uuid(ReturnProcess.RETURN_ID), reviewedBy, reason);
        return StepResult.completed();
    }
}
