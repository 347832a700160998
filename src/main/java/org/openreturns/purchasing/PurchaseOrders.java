package org.openreturns.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openreturns.catalog.CatalogService;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders: what was ordered from a supplier, so that receipts naming an order are checked against what is
 * still outstanding on it, and a person can close what the supplier will not deliver. Received quantities are not
 * stored on the order; they are summed from the receipts that name it, so the two cannot disagree.
 */
@Service
public class PurchaseOrders {

    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 9999;

    private final PurchaseOrderRepository orders;
    private final CatalogService catalog;
    private final Clock clock;
    private final BigDecimal overReceiptTolerancePercent;

    PurchaseOrders(PurchaseOrderRepository orders, CatalogService catalog, Clock clock,
                   @Value("${returns.purchasing.over-receipt-tolerance:0}") BigDecimal overReceiptTolerancePercent) {
        if (overReceiptTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("returns.purchasing.over-receipt-tolerance (RETURNS_PURCHASING_OVER_"
                    + "RECEIPT_TOLERANCE) must be a percentage of 0 or more, not " + overReceiptTolerancePercent);
        }
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
        this.overReceiptTolerancePercent = overReceiptTolerancePercent;
    }

    /** An order as recorded now; {@code changed} is false for a repeated request that changed nothing. */
    record Outcome(PurchaseOrder order, boolean changed) {
    }

    /**
     * Records the order once per id: the same order again is answered with the order as it stands, the same id with
     * other values is refused with 409 naming them. An unknown supplier, warehouse or SKU, a currency that is not one,
     * a cost with more decimals than the currency has, a line number or SKU twice, or an expected delivery before
     * the order are refused with 422 naming the field, and nothing is stored.
     */
    @Transactional
    Outcome record(PurchaseOrderRequest request, String recordedBy) {
        Optional<PurchaseOrder> existing = orders.find(request.id(), false);
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!catalog.supplierExists(request.supplier())) {
            problems.add(new FieldProblem("supplier", "is unknown: create supplier " + request.supplier()
                    + " first with POST /api/suppliers"));
        }
        if (catalog.warehouses().stream().noneMatch(w -> w.code().equals(request.warehouse()))) {
            problems.add(new FieldProblem("warehouse", "is not a known warehouse"));
        }
        boolean datesInRange = inRange("orderedAt", request.orderedAt(), problems)
                & inRange("expectedAt", request.expectedAt(), problems);
        if (datesInRange && request.expectedAt().isBefore(request.orderedAt())) {
            problems.add(new FieldProblem("expectedAt", "is before orderedAt"));
        }
        Optional<Currency> currency = Money.currency(request.currency());
        if (currency.isEmpty()) {
            problems.add(new FieldProblem("currency", "is not an ISO 4217 currency code"));
        }
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        Set<Integer> lineNos = new HashSet<>();
        Map<String, Integer> skus = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PurchaseOrderRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (!lineNos.add(line.lineNo())) {
                problems.add(new FieldProblem(field + ".lineNo", "is used by another line of the order"));
            }
            Integer sameSku = skus.putIfAbsent(line.sku(), line.lineNo());
            if (catalog.product(line.sku()).isEmpty()) {
                problems.add(new FieldProblem(field + ".sku", "is not in the catalogue"));
            } else if (sameSku != null) {
                problems.add(new FieldProblem(field + ".sku", "is on line " + sameSku
                        + " already: order all units of a SKU on one line"));
            }
            if (currency.isPresent() && !Money.fitsMinorUnits(line.unitCost(), currency.get())) {
                problems.add(new FieldProblem(field + ".unitCost", "has more decimals than " + currency.get()
                        + " allows (" + currency.get().getDefaultFractionDigits() + ")"));
            }
            if (problems.isEmpty()) {
                lines.add(new PurchaseOrder.Line(line.lineNo(), line.sku(), line.quantity(),
                        Money.toMinorUnits(line.unitCost(), currency.orElseThrow()), 0));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        PurchaseOrder order = new PurchaseOrder(request.id(), request.supplier(), request.warehouse(),
                request.orderedAt(), request.expectedAt(), request.currency(), recordedBy, OffsetDateTime.now(clock),
                null, null, null, lines);
        if (!orders.insert(order)) {
            throw new ConflictException("Purchase order " + request.id() + " was recorded by another request at the"
                    + " same time; send it again to see how it was recorded");
        }
        return new Outcome(orders.find(request.id(), false).orElseThrow(), true);
    }

    /**
     * Whether the time is one a purchase order can have; JSON allows years PostgreSQL cannot store, which would fail
     * deep in the repository instead of being refused naming the field.
     */
    private static boolean inRange(String field, OffsetDateTime time, List<FieldProblem> problems) {
        if (time.getYear() < EARLIEST_YEAR || time.getYear() > LATEST_YEAR) {
            problems.add(new FieldProblem(field, "must be in the years " + EARLIEST_YEAR + " to " + LATEST_YEAR));
            return false;
        }
        return true;
    }

    @Transactional(readOnly = true)
    PurchaseOrder find(String id) {
        return orders.find(id, false).orElseThrow(() -> new NotFoundException("id", "No purchase order " + id));
    }

    /** The orders of the supplier and in the status given; null for either means any. */
    @Transactional(readOnly = true)
    List<PurchaseOrder> list(String supplier, PurchaseOrderStatus status) {
        return orders.list(supplier).stream().filter(order -> status == null || order.status() == status).toList();
    }

    /**
     * Closes what is still outstanding: the supplier will not deliver it, and receipts against the order are refused
     * from now on. Closing again with the same reason changes nothing; with another reason it is refused (409), and so
     * is closing an order received in full, which has nothing outstanding to close.
     */
    @Transactional
    Outcome close(String id, PurchaseOrderRequest.Close request, String closedBy) {
        PurchaseOrder order = orders.find(id, true)
                .orElseThrow(() -> new NotFoundException("id", "No purchase order " + id));
        if (order.closed()) {
            if (order.closeReason().equals(request.reason())) {
                return new Outcome(order, false);
            }
            throw new ConflictException("Purchase order " + id + " was already closed by " + order.closedBy()
                    + " at " + order.closedAt() + " for another reason: " + order.closeReason());
        }
        if (order.status() == PurchaseOrderStatus.RECEIVED) {
            throw new ConflictException("Purchase order " + id + " was received in full: nothing is outstanding to"
                    + " close");
        }
        orders.close(id, OffsetDateTime.now(clock), closedBy, request.reason());
        return new Outcome(orders.find(id, false).orElseThrow(), true);
    }

    /**
     * Checks a new receipt against the order it names, with the order locked until the receipt's transaction ends,
     * so that two receipts cannot both take the last outstanding units. A receipt naming an order that is not
     * registered passes (its retailer's ERP may not send orders; reconciliation reports it). A closed order is a
     * {@link ConflictException}; the answer lists a line whose SKU the order does not have, and one that would
     * bring the SKU's received units over what was ordered plus the tolerance.
     */
    List<FieldProblem> problemsOfReceipt(PurchaseReceiptRequest receipt) {
        Optional<PurchaseOrder> found = orders.find(receipt.purchaseOrderId(), true);
        if (found.isEmpty()) {
            return List.of();
        }
        PurchaseOrder order = found.get();
        if (order.closed()) {
            throw new ConflictException("Purchase order " + order.id() + " was closed by " + order.closedBy() + " at "
                    + order.closedAt() + " (" + order.closeReason() + "): nothing more is received against it");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Long> receivedBySku = new HashMap<>();
        Set<String> refusedSkus = new HashSet<>();
        for (int i = 0; i < receipt.lines().size(); i++) {
            PurchaseReceiptRequest.Line line = receipt.lines().get(i);
            String field = "lines[" + i + "]";
            Optional<PurchaseOrder.Line> ordered = order.lineOf(line.sku());
            if (ordered.isEmpty()) {
                problems.add(new FieldProblem(field + ".sku", "is not on purchase order " + order.id()));
                continue;
            }
            // Two lines of one receipt may bring the same SKU (serials counted in batches): they add up.
            long received = receivedBySku.getOrDefault(line.sku(), ordered.get().received()) + line.quantity();
            receivedBySku.put(line.sku(), received);
            long receivable = receivable(ordered.get().quantity());
            if (received > receivable && refusedSkus.add(line.sku())) {
                problems.add(new FieldProblem(field + ".quantity", "would bring " + line.sku() + " received on line "
                        + ordered.get().lineNo() + " of purchase order " + order.id() + " to " + received + " of "
                        + ordered.get().quantity() + " ordered (" + ordered.get().received() + " received before, "
                        + "over-receipt tolerance " + overReceiptTolerancePercent.stripTrailingZeros().toPlainString()
                        + "%): at most " + Math.max(0, receivable - ordered.get().received()) + " more may come"));
            }
        }
        return problems;
    }

    /** The most units of a line receipts may bring: the quantity ordered plus the tolerance, rounded down. */
    private long receivable(int ordered) {
        return BigDecimal.valueOf(ordered).multiply(BigDecimal.valueOf(100).add(overReceiptTolerancePercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
    }

    private Outcome replay(PurchaseOrder stored, PurchaseOrderRequest resent) {
        List<String> differences = new ArrayList<>();
        if (!stored.supplier().equals(resent.supplier())) {
            differences.add("supplier");
        }
        if (!stored.warehouse().equals(resent.warehouse())) {
            differences.add("warehouse");
        }
        // PostgreSQL rounds to microseconds: a resend with finer timestamps is the same order.
        if (!stored.orderedAt().isEqual(resent.orderedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
            differences.add("orderedAt");
        }
        if (!stored.expectedAt().isEqual(resent.expectedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
            differences.add("expectedAt");
        }
        if (!stored.currency().equals(resent.currency())) {
            differences.add("currency");
        }
        if (!sameLines(stored, resent)) {
            differences.add("lines");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("Purchase order " + stored.id() + " was already recorded with other values for "
                    + differences);
        }
        return new Outcome(stored, false);
    }

    private static boolean sameLines(PurchaseOrder stored, PurchaseOrderRequest resent) {
        if (stored.lines().size() != resent.lines().size()) {
            return false;
        }
        Currency currency = Currency.getInstance(stored.currency());
        // Stored lines come back in line number order, whatever order they were sent in.
        List<PurchaseOrderRequest.Line> resentLines = resent.lines().stream()
                .sorted(Comparator.comparing(PurchaseOrderRequest.Line::lineNo)).toList();
        for (int i = 0; i < stored.lines().size(); i++) {
            PurchaseOrder.Line a = stored.lines().get(i);
            PurchaseOrderRequest.Line b = resentLines.get(i);
            if (a.lineNo() != b.lineNo() || !a.sku().equals(b.sku()) || a.quantity() != b.quantity()
                    || !Money.fitsMinorUnits(b.unitCost(), currency)
                    || a.unitCostMinor() != Money.toMinorUnits(b.unitCost(), currency)) {
                return false;
            }
        }
        return true;
    }
}
