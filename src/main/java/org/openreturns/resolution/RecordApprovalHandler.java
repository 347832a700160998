package org.openreturns.resolution;

import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Records the approver's decision; an unchecked box (or none sent) is a refusal. */
@Component
class RecordApprovalHandler implements StepHandler {

    private final Approvals approvals;

    RecordApprovalHandler(Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RECORD_APPROVAL;
    }

    @Override
    public StepResult handle(StepContext context) {
        boolean approved = approvals.record(context.uuid(ReturnProcess.RETURN_ID),
                context.optionalBoolean(ReturnProcess.APPROVED).orElse(false),
                context.optionalString(ReturnProcess.COMMENT).orElse(null),
                context.string(ReturnProcess.APPROVED_BY));
        return StepResult.completed(Map.of(ReturnProcess.APPROVAL_GRANTED, approved));
    }
}
