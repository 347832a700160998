package org.openreturns.returns;

import java.util.Set;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Authorizes a requested return: from now on the warehouse expects its parcel under the RMA number. */
@Component
class AuthorizeReturnHandler implements StepHandler {

    private final ReturnService returns;

    AuthorizeReturnHandler(ReturnService returns) {
        this.returns = returns;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_AUTHORIZE;
    }

    @Override
    public StepResult handle(StepContext context) {
        returns.changeStatus(context.uuid(ReturnProcess.RETURN_ID), Set.of(ReturnStatus.REQUESTED),
                ReturnStatus.AUTHORIZED, ReturnService.SYSTEM_ACTOR, "AUTHORIZED",
                "Authorized under " + context.string(ReturnProcess.RMA_NUMBER) + "; awaiting the parcel");
        return StepResult.completed();
    }
}
