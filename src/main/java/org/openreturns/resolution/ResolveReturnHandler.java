package org.openreturns.resolution;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Carries out the validated return's dispositions and releases its refunds. */
@Component
class ResolveReturnHandler implements StepHandler {

    private final Resolutions resolutions;

    ResolveReturnHandler(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RESOLVE;
    }

    @Override
    public StepResult handle(StepContext context) {
        boolean approved = context.optionalBoolean(ReturnProcess.APPROVAL_GRANTED).orElse(false);
        resolutions.resolve(context.uuid(ReturnProcess.RETURN_ID),
                approved ? context.string(ReturnProcess.APPROVED_BY) : null);
        return StepResult.completed();
    }
}
