package org.openreturns.resolution;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Releases the validated return's refunds with their credit notes; the return is then RESOLVED. */
@Component
class ReleaseRefundsHandler implements StepHandler {

    private final Resolutions resolutions;

    ReleaseRefundsHandler(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RELEASE_REFUNDS;
    }

    @Override
    public StepResult handle(StepContext context) {
        resolutions.releaseRefunds(context.uuid(ReturnProcess.RETURN_ID), ReturnProcess.resolvingActor(context));
        return StepResult.completed();
    }
}
