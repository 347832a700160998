package org.openreturns.resolution;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Closes the resolved return and notifies the customer. */
@Component
class CloseReturnHandler implements StepHandler {

    private final Resolutions resolutions;

    CloseReturnHandler(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_CLOSE;
    }

    @Override
    public StepResult handle(StepContext context) {
        resolutions.close(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed();
    }
}
