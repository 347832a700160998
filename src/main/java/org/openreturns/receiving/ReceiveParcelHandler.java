package org.openreturns.receiving;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books the arrived parcel onto the return: which item came back for which line, and the status RECEIVED. A line
 * is matched by SKU; a single-line return takes the single scanned item whatever its SKU, so that a wrong item
 * reaches inspection as a mismatch instead of as nothing.
 */
@Component
class ReceiveParcelHandler implements StepHandler {

    private final ReceiptService receipts;
    private final ReturnService returns;

    ReceiveParcelHandler(ReceiptService receipts, ReturnService returns) {
        this.receipts = receipts;
        this.returns = returns;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RECEIVE_PARCEL;
    }

    @Override
    @Transactional
    public StepResult handle(StepContext context) {
        UUID returnId = context.uuid(ReturnProcess.RETURN_ID);
        long receiptId = ((Number) context.variables().get(ReturnProcess.RECEIPT_ID)).longValue();
        ParcelReceiptRecord receipt = receipts.receipt(receiptId);
        boolean receivedNow = returns.changeStatus(returnId,
                Set.of(ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT), ReturnStatus.RECEIVED,
                receipt.getReceivedBy(), "PARCEL_RECEIVED",
                "Parcel scanned at " + receipt.getWarehouse() + " (receipt " + receiptId + ")");
        if (receivedNow) {
            matchItems(returnId, returns.lines(returnId), receipts.items(receiptId));
        }
        return StepResult.completed();
    }

    private void matchItems(UUID returnId, List<ReturnLineView> lines, List<ParcelScan.Item> items) {
        List<ParcelScan.Item> unmatched = new ArrayList<>(items);
        if (lines.size() == 1 && unmatched.size() == 1) {
            record(returnId, lines.get(0), unmatched.get(0));
            return;
        }
        for (ReturnLineView line : lines) {
            unmatched.stream().filter(item -> item.sku().equals(line.sku())).findFirst().ifPresent(item -> {
                record(returnId, line, item);
                unmatched.remove(item);
            });
        }
    }

    private void record(UUID returnId, ReturnLineView line, ParcelScan.Item item) {
        returns.recordReceivedItem(returnId, line.lineNo(), item.sku(), item.serial(), item.quantity());
    }
}
