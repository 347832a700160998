package org.openreturns.reconciliation;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** The scheduled run of every reconciliation check ({@code bpmn/reconciliation-schedule.bpmn}). */
@Component
class RunReconciliationHandler implements StepHandler {

    private final ReconciliationService reconciliation;

    RunReconciliationHandler(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public String taskType() {
        return BreakProcess.TASK_RUN_RECONCILIATION;
    }

    @Override
    public StepResult handle(StepContext context) {
        reconciliation.run("scheduled reconciliation");
        return StepResult.completed();
    }
}
