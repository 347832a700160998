package org.openreturns.returns;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Expires a return whose parcel did not come in time. */
@Component
class ExpireReturnHandler implements StepHandler {

    private final ReturnAuthorizations authorizations;

    ExpireReturnHandler(ReturnAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_EXPIRE;
    }

    @Override
    public StepResult handle(StepContext context) {
        authorizations.expire(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed();
    }
}
