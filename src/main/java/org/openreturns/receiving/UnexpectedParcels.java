package org.openreturns.receiving;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.ReturnSummary;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels that arrived with no known RMA: the warehouse links one to the return it belongs to (which then goes on as
 * if the parcel had been scanned under its RMA), or keeps it in quarantine against the parcel, where inventory
 * control finds it in reconciliation.
 */
@Service
public class UnexpectedParcels {

    static final String LINKED = "LINKED";
    static final String QUARANTINED = "QUARANTINED";

    private final ReceiptRepository receipts;
    private final ReceiptService receiptService;
    private final ReturnReceipts returnReceipts;
    private final ReturnService returns;
    private final Clock clock;

    UnexpectedParcels(ReceiptRepository receipts, ReceiptService receiptService, ReturnReceipts returnReceipts,
                      ReturnService returns, Clock clock) {
        this.receipts = receipts;
        this.receiptService = receiptService;
        this.returnReceipts = returnReceipts;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * @param returnReference the return id or RMA number to link the parcel to; blank when quarantining
     * @return the problems with the answer, naming the form field; nothing was changed when there are any. A parcel
     *         resolved before is left as it is.
     */
    @Transactional
    public List<FieldProblem> resolve(long receiptId, String returnReference, boolean quarantine, String notes,
                                      String handledBy) {
        ParcelReceiptRecord receipt = receipts.findForUpdate(receiptId)
                .orElseThrow(() -> new IllegalStateException("No receipt " + receiptId));
        if (receipt.getResolution() != null) {
            // A step delivered again, e.g. after its message failed to go out: the same message, delivered once.
            if (LINKED.equals(receipt.getResolution())) {
                returns.find(receipt.getReturnId())
                        .filter(linked -> ReturnStatus.WAITING_FOR_PARCEL.contains(linked.status()))
                        .ifPresent(linked -> receiptService.deliverParcel(linked.rmaNumber(), receiptId));
            }
            return List.of();
        }
        boolean linking = returnReference != null && !returnReference.isBlank();
        if (linking == quarantine) {
            return List.of(new FieldProblem(UnexpectedParcelProcess.RETURN_ID,
                    "give either the return to link the parcel to or quarantine, not " + (linking ? "both" : "neither")));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (quarantine) {
            List<ParcelScan.Item> items = receiptService.items(receiptId);
            for (int i = 0; i < items.size(); i++) {
                returnReceipts.bookIntoQuarantine("parcel-" + receiptId + "-item-" + i, items.get(i), receipt,
                        Reference.parcel(receiptId));
            }
            receipts.recordResolution(receiptId, QUARANTINED, null, notes, handledBy, now);
            return List.of();
        }
        Optional<ReturnSummary> target = find(returnReference.strip());
        if (target.isEmpty()) {
            return List.of(new FieldProblem(UnexpectedParcelProcess.RETURN_ID, "no return has the id or RMA number "
                    + returnReference.strip()));
        }
        ReturnSummary summary = target.get();
        try {
            receiptService.requireWaitingForParcel(summary.returnId(), receiptId);
        } catch (ConflictException notWaiting) {
            return List.of(new FieldProblem(UnexpectedParcelProcess.RETURN_ID, notWaiting.getMessage()));
        }
        receipts.recordResolution(receiptId, LINKED, summary.returnId(), notes, handledBy, now);
        returns.note(summary.returnId(), handledBy, "PARCEL_LINKED", "Parcel of receipt " + receiptId
                + " arrived without a known RMA and was linked to this return by " + handledBy);
        receiptService.deliverParcel(summary.rmaNumber(), receiptId);
        return List.of();
    }

    private Optional<ReturnSummary> find(String reference) {
        try {
            return returns.find(UUID.fromString(reference));
        } catch (IllegalArgumentException notAUuid) {
            return returns.findByRma(reference);
        }
    }
}
