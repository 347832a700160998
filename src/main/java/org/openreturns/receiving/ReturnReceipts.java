package org.openreturns.receiving;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.catalog.Product;
import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books an arrived parcel onto its return: which item came back for which line, checked against what was sold, and the
 * units into the warehouse's RETURNS_RECEIVING and on into QUARANTINE, where they wait for inspection — never into
 * sellable stock (principle 1 of docs/specification/README.md). The receipt move posts Dr 1310 / Cr 5000 at the unit's
 * cost.
 */
@Service
public class ReturnReceipts {

    private final ReceiptService receipts;
    private final ReturnService returns;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final LifecyclePolicy policy;

    ReturnReceipts(ReceiptService receipts, ReturnService returns, CatalogService catalog, StockLedger ledger,
                   LifecyclePolicy policy) {
        this.receipts = receipts;
        this.returns = returns;
        this.catalog = catalog;
        this.ledger = ledger;
        this.policy = policy;
    }

    /** How booking a parcel ended: booked, or refused by the ledger with nothing changed. */
    public sealed interface Outcome permits Booked, Conflict {
    }

    /**
     * @param firstLineToInspect the first line that received something
     * @param inspectionDueAt    when the inspection SLA runs out
     */
    public record Booked(int firstLineToInspect, OffsetDateTime inspectionDueAt) implements Outcome {
    }

    /** The ledger refuses the parcel's units, e.g. a serial it holds elsewhere; {@code problem} says what to fix. */
    public record Conflict(String problem) implements Outcome {
    }

    /**
     * Matches the scanned items to the return's lines, books them into the books and marks the return RECEIVED.
     * A line takes an item of its SKU first; lines left over take the items left over (a wrong item reaches
     * inspection as a mismatch rather than as nothing); items still left are booked to quarantine against the
     * parcel. Repeating the step books nothing twice.
     *
     * <p>The stock moves are checked with the ledger before anything is written: when it refuses one (a serial it
     * places elsewhere), nothing is booked, the conflict is on the return's timeline and the answer names it, so
     * that a person can correct the books and the step can run again.
     */
    @Transactional
    public Outcome book(UUID returnId, long receiptId) {
        ParcelReceiptRecord receipt = receipts.receipt(receiptId);
        String warehouse = receipt.getWarehouse();
        List<ReturnLineView> lines = returns.lines(returnId);
        // Locked, so that a second delivery of the step waits for the first and then finds the return RECEIVED.
        if (ReturnStatus.WAITING_FOR_PARCEL.contains(receipts.lockedReturn(returnId).status())) {
            Matching matching = match(lines, receipts.items(receiptId));
            Optional<String> refusal = ledger.refusal(moves(returnId, receipt, matching));
            if (refusal.isPresent()) {
                String problem = "The parcel of receipt " + receiptId + " cannot be booked: " + refusal.get()
                        + ". Find where the unit really is and correct the stock ledger (a count or a move), "
                        + "then book the parcel again.";
                returns.noteOnce(returnId, ReturnService.SYSTEM_ACTOR, "RECEIPT_CONFLICT", problem);
                return new Conflict(problem);
            }
            returns.markReceived(returnId, receipt.getReceivedBy(),
                    "Parcel scanned at " + warehouse + " (receipt " + receiptId + ")");
            book(returnId, receipt, matching);
            lines = returns.lines(returnId);
        }
        int first = lines.stream().filter(ReturnReceipts::arrived).mapToInt(ReturnLineView::lineNo).min()
                .orElseThrow(() -> new IllegalStateException("Return " + returnId + " received nothing"));
        return new Booked(first, receipt.getReceivedAt().plus(policy.inspectionSla()));
    }

    static boolean arrived(ReturnLineView line) {
        return line.receivedQuantity() != null && line.receivedQuantity() > 0;
    }

    /**
     * Which scanned item goes to which line: {@code lineItems} maps every line to its item, or to null when nothing
     * came for it; {@code extraItems} are the items no line took.
     */
    private record Matching(Map<ReturnLineView, ParcelScan.Item> lineItems, List<ParcelScan.Item> extraItems) {
    }

    /** Every stock move booking the matched items would record. */
    private List<StockMoveRequest> moves(UUID returnId, ParcelReceiptRecord receipt, Matching matching) {
        List<StockMoveRequest> moves = new ArrayList<>();
        matching.lineItems().forEach((line, item) -> {
            if (item != null) {
                moves.addAll(intoQuarantine(lineKey(returnId, line), item, receipt,
                        Reference.returnLine(returnId, line.lineNo())));
            }
        });
        for (int i = 0; i < matching.extraItems().size(); i++) {
            moves.addAll(intoQuarantine(extraKey(receipt, i), matching.extraItems().get(i), receipt,
                    Reference.parcel(receipt.getId())));
        }
        return moves;
    }

    private Matching match(List<ReturnLineView> lines, List<ParcelScan.Item> items) {
        List<ParcelScan.Item> left = new ArrayList<>(items);
        Map<ReturnLineView, ParcelScan.Item> lineItems = new LinkedHashMap<>();
        for (ReturnLineView line : lines) {
            Optional<ParcelScan.Item> sameSku = left.stream().filter(item -> item.sku().equals(line.sku()))
                    .findFirst();
            sameSku.ifPresent(left::remove);
            lineItems.put(line, sameSku.orElse(null));
        }
        for (Map.Entry<ReturnLineView, ParcelScan.Item> waiting : lineItems.entrySet()) {
            if (waiting.getValue() == null && !left.isEmpty()) {
                waiting.setValue(left.remove(0));
            }
        }
        return new Matching(lineItems, left);
    }

    private void book(UUID returnId, ParcelReceiptRecord receipt, Matching matching) {
        matching.lineItems().forEach((line, item) -> {
            if (item == null) {
                returns.recordReceivedItem(returnId, line.lineNo(), null, null, 0);
                returns.note(returnId, receipt.getReceivedBy(), "LINE_NOT_RECEIVED", "Line " + line.lineNo() + " ("
                        + line.sku() + ") was not in the parcel");
            } else {
                bookLine(returnId, receipt, line, item);
            }
        });
        for (int i = 0; i < matching.extraItems().size(); i++) {
            bookExtraItem(returnId, receipt, matching.extraItems().get(i), i);
        }
    }

    private void bookLine(UUID returnId, ParcelReceiptRecord receipt, ReturnLineView line, ParcelScan.Item item) {
        returns.recordReceivedItem(returnId, line.lineNo(), item.sku(), item.serial(), item.quantity());
        ledger.record(intoQuarantine(lineKey(returnId, line), item, receipt,
                Reference.returnLine(returnId, line.lineNo())));
        returns.recordLocation(returnId, line.lineNo(), LocationType.QUARANTINE);
        List<String> findings = new ArrayList<>();
        if (!item.sku().equals(line.sku())) {
            findings.add("SKU " + item.sku() + " arrived instead of " + line.sku());
        }
        if (item.serial() != null && line.serialized() && !line.soldSerials().contains(item.serial())) {
            findings.add("serial " + item.serial() + " was not sold on this line");
        }
        returns.note(returnId, receipt.getReceivedBy(), findings.isEmpty() ? "ITEM_RECEIVED" : "ITEM_MISMATCH",
                "Line " + line.lineNo() + ": " + item.quantity() + " x " + item.sku()
                        + (item.serial() == null ? "" : " serial " + item.serial()) + " into quarantine"
                        + (findings.isEmpty() ? "" : "; " + String.join(", ", findings)));
    }

    /** An item no line asked for is kept in quarantine against the parcel: inventory control finds it there. */
    private void bookExtraItem(UUID returnId, ParcelReceiptRecord receipt, ParcelScan.Item item, int position) {
        ledger.record(intoQuarantine(extraKey(receipt, position), item, receipt, Reference.parcel(receipt.getId())));
        returns.note(returnId, receipt.getReceivedBy(), "UNEXPECTED_ITEM", item.quantity() + " x " + item.sku()
                + (item.serial() == null ? "" : " serial " + item.serial())
                + " arrived but no line of the return asked for it; kept in quarantine");
    }

    private static String lineKey(UUID returnId, ReturnLineView line) {
        return "return-" + returnId + "-line-" + line.lineNo();
    }

    private static String extraKey(ParcelReceiptRecord receipt, int position) {
        return "parcel-" + receipt.getId() + "-extra-" + position;
    }

    /**
     * Books a parcel nobody could place into quarantine against the parcel, or answers why the ledger refuses its
     * units (a serial it places elsewhere), with nothing booked.
     */
    public Optional<String> quarantineParcel(ParcelReceiptRecord receipt, List<ParcelScan.Item> items) {
        List<StockMoveRequest> moves = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            moves.addAll(intoQuarantine("parcel-" + receipt.getId() + "-item-" + i, items.get(i), receipt,
                    Reference.parcel(receipt.getId())));
        }
        Optional<String> refusal = ledger.refusal(moves);
        if (refusal.isEmpty()) {
            ledger.record(moves);
        }
        return refusal;
    }

    /** Into RETURNS_RECEIVING at the unit's cost (the receipt), then on to QUARANTINE to wait for inspection. */
    private List<StockMoveRequest> intoQuarantine(String keyPrefix, ParcelScan.Item item, ParcelReceiptRecord receipt,
                                                  Reference reference) {
        Product product = catalog.product(item.sku()).orElseThrow(() -> new IllegalStateException(
                "SKU " + item.sku() + " of receipt " + receipt.getId() + " is not in the catalogue"));
        String warehouse = receipt.getWarehouse();
        long customer = catalog.locationId(warehouse, LocationType.CUSTOMER);
        long receiving = catalog.locationId(warehouse, LocationType.RETURNS_RECEIVING);
        long quarantine = catalog.locationId(warehouse, LocationType.QUARANTINE);
        String by = receipt.getReceivedBy();
        return List.of(
                StockMoveRequest.returnReceipt(keyPrefix + "-receipt", item.sku(), item.serial(), item.quantity(),
                        customer, receiving, product.unitCostMinor(), reference, by),
                StockMoveRequest.between(keyPrefix + "-quarantine", item.sku(), item.serial(), item.quantity(),
                        receiving, quarantine, MoveReason.QUARANTINE, reference, by));
    }
}
