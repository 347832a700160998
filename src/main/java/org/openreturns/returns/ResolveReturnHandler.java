package org.openreturns.returns;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Applies the disposition the decision table chose and closes the return. */
@Component
class ResolveReturnHandler implements StepHandler {

    private final ReturnService returns;

    ResolveReturnHandler(ReturnService returns) {
        this.returns = returns;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RESOLVE;
    }

    @Override
    public StepResult handle(StepContext context) {
        Disposition disposition = Disposition.valueOf(context.string(ReturnProcess.DISPOSITION));
        returns.resolve(context.uuid(ReturnProcess.RETURN_ID), disposition, ReturnService.SYSTEM_ACTOR);
        return StepResult.completed();
    }
}
