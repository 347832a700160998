package org.openreturns.purchasing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.catalog.Product;
import org.openreturns.catalog.Warehouse;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.Money;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books goods received from suppliers into SELLABLE stock of the receiving warehouse at their unit cost: each line is
 * a {@code PURCHASE_RECEIPT} move from outside the books, posted Dr 1300 inventory / Cr 2000 goods received not
 * invoiced until the supplier's invoice is matched (outside this application).
 */
@Service
public class PurchaseReceipts {

    private final PurchaseReceiptRepository receipts;
    private final PurchaseOrders orders;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final Clock clock;

    PurchaseReceipts(PurchaseReceiptRepository receipts, PurchaseOrders orders, CatalogService catalog,
                     StockLedger ledger, Clock clock) {
        this.receipts = receipts;
        this.orders = orders;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A receipt as recorded; {@code created} is false for a repeated request. */
    record Received(PurchaseReceipt receipt, boolean created) {
    }

    /**
     * Records the receipt once per receipt id: the same receipt again is answered as the first time, the same id with
     * other values is refused with 409. A receipt that breaks a rule (an unknown warehouse or SKU, a cost with more
     * decimals than the currency has, serials missing or for a product without them, a serial the ledger already
     * holds) is refused with 422 naming the field, and nothing is booked. So is a receipt against a registered
     * purchase order that brings a SKU the order does not have or more than is outstanding (beyond the tolerance);
     * one against a closed order is refused with 409. A receipt naming an order that is not registered is taken.
     */
    @Transactional
    Received receive(PurchaseReceiptRequest request, String receivedBy) {
        Optional<PurchaseReceipt> existing = receipts.find(request.receiptId());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        Optional<Warehouse> warehouse = catalog.warehouses().stream()
                .filter(w -> w.code().equals(request.warehouse())).findFirst();
        List<FieldProblem> problems = new ArrayList<>();
        if (warehouse.isEmpty()) {
            problems.add(new FieldProblem("warehouse", "is not a known warehouse"));
        }
        List<PurchaseReceipt.Line> lines = lines(request, problems);
        problems.addAll(orders.problemsOfReceipt(request));
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        long sellable = warehouse.orElseThrow().location(LocationType.SELLABLE).id();
        List<List<StockMoveRequest>> movesByLine = lines.stream()
                .map(line -> moves(request, line, sellable, receivedBy)).toList();
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]" + (lines.get(i).serials().isEmpty() ? ".sku" : ".serials");
            ledger.refusal(movesByLine.get(i)).ifPresent(reason -> problems.add(new FieldProblem(field,
                    "cannot be received: " + reason)));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        PurchaseReceipt receipt = new PurchaseReceipt(request.receiptId(), request.purchaseOrderId(),
                request.warehouse(), request.receivedAt(), receivedBy, OffsetDateTime.now(clock), lines);
        if (!receipts.insert(receipt)) {
            throw new ConflictException("Receipt " + request.receiptId()
                    + " was recorded by another request at the same time; send it again to see how it was recorded");
        }
        ledger.record(movesByLine.stream().flatMap(List::stream).toList());
        return new Received(receipts.find(request.receiptId()).orElseThrow(), true);
    }

    /** The lines with their costs in minor units; problems of the lines are added to {@code problems}. */
    private List<PurchaseReceipt.Line> lines(PurchaseReceiptRequest request, List<FieldProblem> problems) {
        List<PurchaseReceipt.Line> lines = new ArrayList<>();
        Set<String> serialsOfReceipt = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PurchaseReceiptRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            Optional<Product> product = catalog.product(line.sku());
            if (product.isEmpty()) {
                problems.add(new FieldProblem(field + ".sku", "is not in the catalogue"));
                continue;
            }
            Currency currency = Currency.getInstance(product.get().currency());
            if (!Money.fitsMinorUnits(line.unitCost(), currency)) {
                problems.add(new FieldProblem(field + ".unitCost", "has more decimals than " + currency
                        + " allows (" + currency.getDefaultFractionDigits() + ")"));
                continue;
            }
            List<String> serials = line.serialsOrEmpty();
            if (product.get().serialized() && serials.size() != line.quantity()) {
                problems.add(new FieldProblem(field + ".serials", "lists " + serials.size() + " serial number(s) for "
                        + line.quantity() + " unit(s): " + line.sku() + " is serialized, name every unit's serial"));
            } else if (!product.get().serialized() && !serials.isEmpty()) {
                problems.add(new FieldProblem(field + ".serials", "must be empty: " + line.sku()
                        + " is not serialized"));
            } else if (!serials.stream().allMatch(serialsOfReceipt::add)) {
                problems.add(new FieldProblem(field + ".serials", "lists a serial number the receipt names already"));
            }
            lines.add(new PurchaseReceipt.Line(i + 1, line.sku(), line.quantity(),
                    Money.toMinorUnits(line.unitCost(), currency), currency.getCurrencyCode(), serials));
        }
        return lines;
    }

    /** One move per line, or per unit of a serialized product. */
    private static List<StockMoveRequest> moves(PurchaseReceiptRequest request, PurchaseReceipt.Line line,
                                                long sellable, String receivedBy) {
        String key = "purchase-receipt-" + request.receiptId() + "-line-" + line.position();
        if (line.serials().isEmpty()) {
            return List.of(StockMoveRequest.purchaseReceipt(key, line.sku(), null, line.quantity(), sellable,
                    line.unitCostMinor(), request.purchaseOrderId(), receivedBy));
        }
        return line.serials().stream().map(serial -> StockMoveRequest.purchaseReceipt(key + "-serial-" + serial,
                line.sku(), serial, 1, sellable, line.unitCostMinor(), request.purchaseOrderId(), receivedBy))
                .toList();
    }

    private Received replay(PurchaseReceipt stored, PurchaseReceiptRequest resent) {
        List<String> differences = new ArrayList<>();
        if (!stored.purchaseOrderId().equals(resent.purchaseOrderId())) {
            differences.add("purchaseOrderId");
        }
        if (!stored.warehouse().equals(resent.warehouse())) {
            differences.add("warehouse");
        }
        // PostgreSQL rounds to microseconds: a resend with finer timestamps is the same receipt.
        if (!stored.receivedAt().isEqual(resent.receivedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
            differences.add("receivedAt");
        }
        if (!sameLines(stored, resent)) {
            differences.add("lines");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("Receipt " + stored.receiptId() + " was already recorded with other values for "
                    + differences);
        }
        return new Received(stored, false);
    }

    private static boolean sameLines(PurchaseReceipt stored, PurchaseReceiptRequest resent) {
        if (stored.lines().size() != resent.lines().size()) {
            return false;
        }
        for (int i = 0; i < stored.lines().size(); i++) {
            PurchaseReceipt.Line a = stored.lines().get(i);
            PurchaseReceiptRequest.Line b = resent.lines().get(i);
            Currency currency = Currency.getInstance(a.currency());
            if (!a.sku().equals(b.sku()) || a.quantity() != b.quantity()
                    || !Money.fitsMinorUnits(b.unitCost(), currency)
                    || a.unitCostMinor() != Money.toMinorUnits(b.unitCost(), currency)
                    || !Objects.equals(a.serials(), b.serialsOrEmpty())) {
                return false;
            }
        }
        return true;
    }
}
