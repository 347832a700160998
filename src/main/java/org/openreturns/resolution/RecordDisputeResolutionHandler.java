package org.openreturns.resolution;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.system.Codes;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Applies the manager's resolution of a dispute. A resolution that does not fit (a PARTIAL refund without a
 * deduction, a vendor return for an item without supplier) goes back to the manager with the problem named.
 */
@Component
class RecordDisputeResolutionHandler implements StepHandler {

    private final Disputes disputes;
    private final ApprovalSummaries summaries;

    RecordDisputeResolutionHandler(Disputes disputes, ApprovalSummaries summaries) {
        this.disputes = disputes;
        this.summaries = summaries;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RECORD_DISPUTE_RESOLUTION;
    }

    @Override
    public StepResult handle(StepContext context) {
        UUID returnId = context.uuid(ReturnProcess.RETURN_ID);
        Object percent = context.variables().get(ReturnProcess.DEDUCTION_PERCENT);
        DisputeResolution resolution = new DisputeResolution(
                context.optionalString(ReturnProcess.DISPOSITION)
                        .flatMap(code -> Codes.parse(Disposition.class, code)).orElse(null),
                context.optionalString(ReturnProcess.REFUND_DECISION)
                        .flatMap(code -> Codes.parse(RefundDecision.class, code)).orElse(null),
                percent instanceof Number number ? number.intValue() : null,
                context.optionalString(ReturnProcess.COMMENT).orElse(null));
        List<FieldProblem> problems = disputes.resolve(returnId, resolution,
                context.string(ReturnProcess.DISPUTE_RESOLVED_BY));
        if (!problems.isEmpty()) {
            String problem = FieldProblem.describe(problems);
            return StepResult.businessError(ReturnProcess.ERROR_DISPUTE_RESOLUTION_INVALID, problem,
                    Map.of(ReturnProcess.DISPUTE_PROBLEM, problem));
        }
        return StepResult.completed(Map.of(ReturnProcess.DISPUTE_PROBLEM, "",
                ReturnProcess.APPROVAL_SUMMARY, summaries.of(returnId)));
    }
}
