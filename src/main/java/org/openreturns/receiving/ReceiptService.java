package org.openreturns.receiving;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnSummary;
import org.openreturns.system.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in parcels scanned at the warehouses and hands each to the return waiting for it. */
@Service
public class ReceiptService {

    private final ReceiptRepository receipts;
    private final ReturnService returns;
    private final ProcessRuntime processRuntime;
    private final Clock clock;

    ReceiptService(ReceiptRepository receipts, ReturnService returns, ProcessRuntime processRuntime, Clock clock) {
        this.receipts = receipts;
        this.returns = returns;
        this.processRuntime = processRuntime;
        this.clock = clock;
    }

    /**
     * @param created  false when the same scan id was recorded before: nothing new happened
     * @param returnId the return the parcel belongs to, or null when its RMA is unknown
     */
    public record Receipt(long receiptId, UUID returnId, String rmaNumber, boolean created) {

        public boolean matched() {
            return returnId != null;
        }
    }

    /**
     * Records the parcel and, when its RMA names a return waiting for its parcel, delivers it to that return's
     * process. A parcel whose RMA is unknown is kept as unmatched rather than refused, so nothing that arrived is
     * lost. A return that is not waiting for a parcel refuses it, and nothing is recorded.
     */
    @Transactional
    public Receipt receive(ParcelScan scan, String receivedBy) {
        if (scan.scanId() != null) {
            Optional<ParcelReceiptRecord> earlier = receipts.findByScanId(scan.scanId());
            if (earlier.isPresent()) {
                ParcelReceiptRecord receipt = earlier.get();
                return new Receipt(receipt.getId(), receipt.getReturnId(), receipt.getRmaNumber(), false);
            }
        }
        Optional<ReturnSummary> target = Optional.ofNullable(scan.rmaNumber()).flatMap(returns::findByRma);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long receiptId = receipts.insert(scan, target.map(ReturnSummary::returnId).orElse(null), now, receivedBy);
        if (target.isEmpty()) {
            return new Receipt(receiptId, null, scan.rmaNumber(), true);
        }
        ReturnSummary waiting = target.get();
        boolean delivered = processRuntime.correlateMessage(ReturnProcess.MESSAGE_PARCEL_RECEIVED,
                waiting.rmaNumber(), Map.of(ReturnProcess.RECEIPT_ID, receiptId));
        if (!delivered) {
            throw new ConflictException("Return " + waiting.rmaNumber() + " is " + waiting.status()
                    + " and not waiting for a parcel");
        }
        return new Receipt(receiptId, waiting.returnId(), waiting.rmaNumber(), true);
    }

    @Transactional(readOnly = true)
    public ParcelReceiptRecord receipt(long receiptId) {
        return receipts.find(receiptId).orElseThrow(() -> new IllegalStateException("No receipt " + receiptId));
    }

    @Transactional(readOnly = true)
    public List<ParcelScan.Item> items(long receiptId) {
        return receipts.items(receiptId);
    }
}
