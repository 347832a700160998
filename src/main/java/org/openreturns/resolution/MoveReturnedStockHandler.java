package org.openreturns.resolution;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Moves the validated return's units to the locations of their dispositions. */
@Component
class MoveReturnedStockHandler implements StepHandler {

    private final Resolutions resolutions;

    MoveReturnedStockHandler(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_MOVE_RETURNED_STOCK;
    }

    @Override
    public StepResult handle(StepContext context) {
        resolutions.moveStock(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed();
    }
}
