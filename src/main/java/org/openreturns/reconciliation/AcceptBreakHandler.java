package org.openreturns.reconciliation;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Records the break as explained by the investigator. */
@Component
class AcceptBreakHandler implements StepHandler {

    private final BreakResolution resolution;

    AcceptBreakHandler(BreakResolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public String taskType() {
        return BreakProcess.TASK_ACCEPT;
    }

    @Override
    public StepResult handle(StepContext context) {
        resolution.accept(BreakProcess.breakId(context), context.string(BreakProcess.INVESTIGATED_BY),
                context.string(BreakProcess.COMMENT));
        return StepResult.completed();
    }
}
