package org.openreturns.receiving;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.db.tables.records.ParcelReceiptRecord;
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
    /** The warehouse's answers. */
    static final String LINK = "LINK";
    static final String QUARANTINE = "QUARANTINE";

    private final ReceiptRepository receipts;
    private final ReceiptService receiptService;
    private final ReturnReceipts returnReceipts;
    private final ReturnService returns;
    private final CandidateReturns candidates;
    private final Clock clock;

    UnexpectedParcels(ReceiptRepository receipts, ReceiptService receiptService, ReturnReceipts returnReceipts,
                      ReturnService returns, CandidateReturns candidates, Clock clock) {
        this.receipts = receipts;
        this.receiptService = receiptService;
        this.returnReceipts = returnReceipts;
        this.returns = returns;
        this.candidates = candidates;
        this.clock = clock;
    }

    /**
     * @param action  LINK or QUARANTINE: the warehouse's one answer; the other answer's fields are then ignored
     * @param chosen  to link: the RMA number chosen among the candidates
     * @param typedIn to link: an RMA number or return id typed in, when the return is not among the candidates
     * @return the problems with the answer, naming the form field; nothing was changed when there are any. A parcel
     *         resolved before is left as it is.
     */
    @Transactional
    public List<FieldProblem> resolve(long receiptId, String action, String chosen, String typedIn, String notes,
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
        if (!LINK.equals(action) && !QUARANTINE.equals(action)) {
            return List.of(new FieldProblem(UnexpectedParcelProcess.PARCEL_ACTION,
                    "is not answered: choose LINK (to a return) or QUARANTINE"));
        }
        boolean quarantine = QUARANTINE.equals(action);
        String returnReference = null;
        if (!quarantine) {
            boolean isChosen = chosen != null && !chosen.isBlank();
            boolean isTypedIn = typedIn != null && !typedIn.isBlank();
            if (isChosen == isTypedIn) {
                return List.of(new FieldProblem(UnexpectedParcelProcess.RETURN_ID, isChosen
                        ? "choose a return from the list or type one in, not both"
                        : "choose the return to link the parcel to, or type its RMA number in"));
            }
            returnReference = isChosen ? chosen : typedIn;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (quarantine) {
            Optional<String> refusal = returnReceipts.quarantineParcel(receipt, receiptService.items(receiptId));
            if (refusal.isPresent()) {
                return List.of(new FieldProblem(UnexpectedParcelProcess.PARCEL_ACTION, "QUARANTINE cannot be booked: "
                        + refusal.get() + "; correct the stock ledger (a count or a move) and answer again"));
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
        List<FieldProblem> beyond = receiptService.beyondAuthorized(summary, receiptService.items(receiptId),
                item -> UnexpectedParcelProcess.RETURN_ID);
        if (!beyond.isEmpty()) {
            return beyond;
        }
        receipts.recordResolution(receiptId, LINKED, summary.returnId(), notes, handledBy, now);
        returns.note(summary.returnId(), handledBy, "PARCEL_LINKED", "Parcel of receipt " + receiptId
                + " arrived without a known RMA and was linked to this return by " + handledBy);
        receiptService.deliverParcel(summary.rmaNumber(), receiptId);
        return List.of();
    }

    /** A parcel without a known RMA as the warehouse's task shows it. */
    public record ParcelAtHand(long receiptId, String warehouse, OffsetDateTime receivedAt, String trackingId,
                               List<ParcelScan.Item> items, List<String> candidateReturns) {
    }

    /** @param senderEmail the sender's e-mail address from the label, or null: candidates by customer too */
    @Transactional(readOnly = true)
    public ParcelAtHand parcel(long receiptId, String senderEmail) {
        ParcelReceiptRecord receipt = receiptService.receipt(receiptId);
        List<ParcelScan.Item> items = receiptService.items(receiptId);
        return new ParcelAtHand(receiptId, receipt.getWarehouse(), receipt.getReceivedAt(), receipt.getTrackingId(),
                items, candidates.of(receipt, items, senderEmail));
    }

    private Optional<ReturnSummary> find(String reference) {
        try {
            return returns.find(UUID.fromString(reference));
        } catch (IllegalArgumentException notAUuid) {
            return returns.findByRma(reference);
        }
    }
}
