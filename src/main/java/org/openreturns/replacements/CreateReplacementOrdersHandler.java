package org.openreturns.replacements;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Ships the replacements a resolved return asks for. */
@Component
class CreateReplacementOrdersHandler implements StepHandler {

    private final ReplacementOrders replacements;

    CreateReplacementOrdersHandler(ReplacementOrders replacements) {
        this.replacements = replacements;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_CREATE_REPLACEMENT_ORDERS;
    }

    @Override
    public StepResult handle(StepContext context) {
        replacements.createForReturn(context.uuid(ReturnProcess.RETURN_ID), ReturnProcess.resolvingActor(context));
        return StepResult.completed();
    }
}
