package org.openreturns.receiving;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.quality.InspectionService;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/**
 * Books the parcel into returns and quarantine, and points the inspection at the first line that arrived. A parcel
 * the stock ledger refuses (a serial it places elsewhere) goes to inventory control with the problem named
 * (business error {@code RECEIPT_CONFLICT}), not to an incident.
 */
@Component
class ReceiveParcelHandler implements StepHandler {

    private final ReturnReceipts receipts;
    private final InspectionService inspections;

    ReceiveParcelHandler(ReturnReceipts receipts, InspectionService inspections) {
        this.receipts = receipts;
        this.inspections = inspections;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RECEIVE_PARCEL;
    }

    @Override
    public StepResult handle(StepContext context) {
        UUID returnId = context.uuid(ReturnProcess.RETURN_ID);
        ReturnReceipts.Outcome outcome = receipts.book(returnId, context.longValue(ReturnProcess.RECEIPT_ID));
        if (outcome instanceof ReturnReceipts.Conflict conflict) {
            return ReturnProcess.conflict(context, ReturnProcess.ERROR_RECEIPT_CONFLICT, "Receipt conflict",
                    conflict.problem());
        }
        ReturnReceipts.Booked booked = (ReturnReceipts.Booked) outcome;
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnProcess.LINE_NO, booked.firstLineToInspect());
        variables.put(ReturnProcess.LINE_SUMMARY, inspections.lineSummary(returnId, booked.firstLineToInspect()));
        variables.put(ReturnProcess.INSPECTION_DUE_AT, booked.inspectionDueAt().toString());
        variables.put(ReturnProcess.ALL_LINES_INSPECTED, false);
        variables.put(ReturnProcess.INSPECTION_PROBLEM, "");
        return StepResult.completed(variables);
    }
}
