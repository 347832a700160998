package org.openreturns.returns;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Runs when a stage's SLA timer fires; the work itself goes on. */
@Component
class EscalateOverdueReturnHandler implements StepHandler {

    private final SlaEscalations escalations;

    EscalateOverdueReturnHandler(SlaEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_ESCALATE_OVERDUE;
    }

    @Override
    public StepResult handle(StepContext context) {
        escalations.escalate(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed();
    }
}
