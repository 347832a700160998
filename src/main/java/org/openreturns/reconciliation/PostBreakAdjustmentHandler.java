package org.openreturns.reconciliation;

import java.util.List;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Component;

/** Books the approved adjustment; one approved by its own investigator goes back to the approvers (four eyes). */
@Component
class PostBreakAdjustmentHandler implements StepHandler {

    private final BreakResolution resolution;

    PostBreakAdjustmentHandler(BreakResolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public String taskType() {
        return BreakProcess.TASK_POST_ADJUSTMENT;
    }

    @Override
    public StepResult handle(StepContext context) {
        List<FieldProblem> problems = resolution.adjust(BreakProcess.breakId(context),
                context.string(BreakProcess.INVESTIGATED_BY), context.string(BreakProcess.APPROVED_BY),
                context.string(BreakProcess.COMMENT));
        return problems.isEmpty() ? StepResult.completed(Map.of(BreakProcess.APPROVAL_PROBLEM, ""))
                : BreakProcess.sentBack(BreakProcess.ERROR_FOUR_EYES, BreakProcess.APPROVAL_PROBLEM, problems);
    }
}
