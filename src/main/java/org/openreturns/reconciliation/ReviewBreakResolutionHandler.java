package org.openreturns.reconciliation;

import java.util.List;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Component;

/** A resolution that cannot work goes back to the investigator with the problem named. */
@Component
class ReviewBreakResolutionHandler implements StepHandler {

    private final BreakResolution resolution;

    ReviewBreakResolutionHandler(BreakResolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public String taskType() {
        return BreakProcess.TASK_REVIEW_RESOLUTION;
    }

    @Override
    public StepResult handle(StepContext context) {
        List<FieldProblem> problems = resolution.review(BreakProcess.breakId(context),
                context.optionalString(BreakProcess.RESOLUTION).orElse(null),
                context.optionalString(BreakProcess.COMMENT).orElse(null));
        return problems.isEmpty() ? StepResult.completed(Map.of(BreakProcess.RESOLUTION_PROBLEM, ""))
                : BreakProcess.sentBack(BreakProcess.ERROR_RESOLUTION_INVALID, BreakProcess.RESOLUTION_PROBLEM,
                problems);
    }
}
