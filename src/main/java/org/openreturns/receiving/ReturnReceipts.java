package org.openreturns.receiving;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * @param firstLineToInspect the first line that received something
     * @param inspectionDueAt    when the inspection SLA runs out
     */
    public record Booked(int firstLineToInspect, OffsetDateTime inspectionDueAt) {
    }

    /**
     * Matches the scanned items to the return's lines, books them into the books and marks the return RECEIVED.
     * A line takes an item of its SKU first; lines left over take the items left over (a wrong item reaches
     * inspection as a mismatch rather than as nothing); items still left are booked to quarantine against the
     * parcel. Repeating the step books nothing twice.
     */
    @Transactional
    public Booked book(UUID returnId, long receiptId) {
        ParcelReceiptRecord receipt = receipts.receipt(receiptId);
        String warehouse = receipt.getWarehouse();
        List<ReturnLineView> lines = returns.lines(returnId);
        boolean receivedNow = returns.markReceived(returnId, receipt.getReceivedBy(),
                "Parcel scanned at " + warehouse + " (receipt " + receiptId + ")");
        if (receivedNow) {
            match(returnId, receipt, lines, receipts.items(receiptId));
            lines = returns.lines(returnId);
        }
        int first = lines.stream().filter(ReturnReceipts::arrived).mapToInt(ReturnLineView::lineNo).min()
                .orElseThrow(() -> new IllegalStateException("Return " + returnId + " received nothing"));
        return new Booked(first, receipt.getReceivedAt().plus(policy.inspectionSla()));
    }

    static boolean arrived(ReturnLineView line) {
        return line.receivedQuantity() != null && line.receivedQuantity() > 0;
    }

    private void match(UUID returnId, ParcelReceiptRecord receipt, List<ReturnLineView> lines,
                       List<ParcelScan.Item> items) {
        List<ParcelScan.Item> left = new ArrayList<>(items);
        List<ReturnLineView> waiting = new ArrayList<>();
        for (ReturnLineView line : lines) {
            Optional<ParcelScan.Item> sameSku = left.stream().filter(item -> item.sku().equals(line.sku()))
                    .findFirst();
            sameSku.ifPresentOrElse(item -> {
                left.remove(item);
                bookLine(returnId, receipt, line, item);
            }, () -> waiting.add(line));
        }
        for (ReturnLineView line : waiting) {
            if (left.isEmpty()) {
                returns.recordReceivedItem(returnId, line.lineNo(), null, null, 0);
                returns.note(returnId, receipt.getReceivedBy(), "LINE_NOT_RECEIVED", "Line " + line.lineNo() + " ("
                        + line.sku() + ") was not in the parcel");
            } else {
                bookLine(returnId, receipt, line, left.remove(0));
            }
        }
        for (int i = 0; i < left.size(); i++) {
            bookExtraItem(returnId, receipt, left.get(i), i);
        }
    }

    private void bookLine(UUID returnId, ParcelReceiptRecord receipt, ReturnLineView line, ParcelScan.Item item) {
        returns.recordReceivedItem(returnId, line.lineNo(), item.sku(), item.serial(), item.quantity());
        String key = "return-" + returnId + "-line-" + line.lineNo();
        bookIntoQuarantine(key, item, receipt, Reference.returnLine(returnId, line.lineNo()));
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
        String key = "parcel-" + receipt.getId() + "-extra-" + position;
        bookIntoQuarantine(key, item, receipt, Reference.parcel(receipt.getId()));
        returns.note(returnId, receipt.getReceivedBy(), "UNEXPECTED_ITEM", item.quantity() + " x " + item.sku()
                + (item.serial() == null ? "" : " serial " + item.serial())
                + " arrived but no line of the return asked for it; kept in quarantine");
    }

    /** Into RETURNS_RECEIVING at the unit's cost (the receipt), then on to QUARANTINE to wait for inspection. */
    void bookIntoQuarantine(String keyPrefix, ParcelScan.Item item, ParcelReceiptRecord receipt,
                            Reference reference) {
        Product product = catalog.product(item.sku()).orElseThrow(() -> new IllegalStateException(
                "SKU " + item.sku() + " of receipt " + receipt.getId() + " is not in the catalogue"));
        String warehouse = receipt.getWarehouse();
        long customer = catalog.locationId(warehouse, LocationType.CUSTOMER);
        long receiving = catalog.locationId(warehouse, LocationType.RETURNS_RECEIVING);
        long quarantine = catalog.locationId(warehouse, LocationType.QUARANTINE);
        String by = receipt.getReceivedBy();
        ledger.record(List.of(
                StockMoveRequest.returnReceipt(keyPrefix + "-receipt", item.sku(), item.serial(), item.quantity(),
                        customer, receiving, product.unitCostMinor(), reference, by),
                StockMoveRequest.between(keyPrefix + "-quarantine", item.sku(), item.serial(), item.quantity(),
                        receiving, quarantine, MoveReason.QUARANTINE, reference, by)));
    }
}
