package org.openreturns.returns;

import java.util.HashMap;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/**
 * Records on the return's timeline who resolved a conflict that stopped a step (a receipt or stock conflict, a
 * declined refund) and what they did, then clears the conflict form's fields, so the step runs again and a new
 * conflict shows only its own problem.
 */
@Component
class RecordConflictResolutionHandler implements StepHandler {

    private final ReturnService returns;

    RecordConflictResolutionHandler(ReturnService returns) {
        this.returns = returns;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RECORD_CONFLICT_RESOLUTION;
    }

    @Override
    public StepResult handle(StepContext context) {
        String resolvedBy = context.string(ReturnProcess.CONFLICT_RESOLVED_BY);
        String resolution = context.optionalString(ReturnProcess.CONFLICT_RESOLUTION).map(String::strip)
                .filter(text -> !text.isEmpty()).orElse("no comment");
        returns.noteOnce(context.uuid(ReturnProcess.RETURN_ID), resolvedBy, "CONFLICT_RESOLVED",
                context.optionalString(ReturnProcess.TASK_TITLE).orElse("Conflict") + " resolved by " + resolvedBy
                        + ": " + resolution + ". The step runs again.");
        Map<String, Object> cleared = new HashMap<>();
        cleared.put(ReturnProcess.CONFLICT_PROBLEM, null);
        cleared.put(ReturnProcess.CONFLICT_RESOLUTION, null);
        return StepResult.completed(cleared);
    }
}
