package org.openreturns.resolution;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/**
 * Moves the validated return's units to the locations of their dispositions. Units that are no longer where the
 * ledger should take them from go to inventory control with the problem named (business error
 * {@code STOCK_CONFLICT}), not to an incident.
 */
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
        return resolutions.moveStock(context.uuid(ReturnProcess.RETURN_ID))
                .map(problem -> ReturnProcess.conflict(context, ReturnProcess.ERROR_STOCK_CONFLICT, "Stock conflict",
                        problem))
                .orElseGet(StepResult::completed);
    }
}
