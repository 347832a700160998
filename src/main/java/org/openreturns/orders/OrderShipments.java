package org.openreturns.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the shipments of sales orders: each shipped unit leaves the warehouse's SELLABLE stock for its (virtual)
 * CUSTOMER place in the stock ledger, which posts it as cost of goods sold at the moving average cost. A serial
 * shipped this way is off the books afterwards, where a later return of it is received from. What a line has left to
 * ship (ordered minus shipped minus cancelled) is what it reserves of sellable stock until then.
 */
@Service
public class OrderShipments {

    private final OrderService orders;
    private final ShipmentRepository shipments;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final Clock clock;

    OrderShipments(OrderService orders, ShipmentRepository shipments, CatalogService catalog, StockLedger ledger,
                   Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A shipment as recorded, with the order it belongs to; {@code created} is false for a repeated request. */
    public record Shipped(SalesOrder order, Shipment shipment, Map<Integer, Long> costByLine, boolean created) {
    }

    /**
     * Records the shipment once per shipment id: the same shipment sent again changes nothing and is answered as
     * the first time; the same id with other values is refused with 409. A shipment that breaks a rule of the
     * order (more than is left to ship, a line or serial the order does not have) or that the stock does not cover
     * (not enough sellable units, a serial that is not in SELLABLE of that warehouse) is refused with 422 naming the
     * line, and nothing is moved.
     */
    @Transactional
    public Shipped ship(String orderNumber, String channel, ShipmentRequest request, String shippedBy) {
        // Locked, so that two shipments of one order never both take the units left to ship.
        SalesOrder order = orders.order(orderNumber, channel, true);
        String warehouse = request.warehouse() == null ? order.warehouse() : request.warehouse();
        Optional<Shipment> existing = shipments.find(request.shipmentId());
        if (existing.isPresent()) {
            return replay(order, existing.get(), warehouse, request);
        }
        Optional<Warehouse> place = catalog.warehouses().stream().filter(w -> w.code().equals(warehouse)).findFirst();
        if (place.isEmpty()) {
            throw new RuleViolationException(request.warehouse() == null ? "orderId" : "warehouse",
                    "warehouse " + warehouse + " is not a known warehouse");
        }
        List<FieldProblem> problems = check(order, request);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        long sellable = place.get().location(LocationType.SELLABLE).id();
        long customer = place.get().location(LocationType.CUSTOMER).id();
        Map<Integer, List<StockMoveRequest>> movesByLine = new LinkedHashMap<>();
        for (ShipmentRequest.Line line : request.lines()) {
            movesByLine.put(line.lineNo(), moves(request.shipmentId(), order, line, sellable, customer, shippedBy));
        }
        refuseWhatStockDoesNotCover(order, request, movesByLine, warehouse);

        Shipment shipment = new Shipment(request.shipmentId(), order.id(), warehouse, request.shippedAt(), shippedBy,
                OffsetDateTime.now(clock), request.lines().stream()
                .map(line -> new Shipment.Line(line.lineNo(), line.quantity(), line.serialsOrEmpty())).toList());
        if (!shipments.insert(shipment)) {
            throw new ConflictException("Shipment " + request.shipmentId()
                    + " was recorded by another request at the same time; send it again to see how it was recorded");
        }
        ledger.record(movesByLine.values().stream().flatMap(List::stream).toList());
        Shipment stored = shipments.find(request.shipmentId()).orElseThrow();
        return new Shipped(order, stored, costByLine(stored), true);
    }

    private Shipped replay(SalesOrder order, Shipment stored, String warehouse, ShipmentRequest resent) {
        List<String> differences = new ArrayList<>();
        if (stored.orderId() != order.id()) {
            differences.add("orderId");
        }
        if (!stored.warehouse().equals(warehouse)) {
            differences.add("warehouse");
        }
        // PostgreSQL rounds to microseconds: a resend with finer timestamps is the same shipment.
        if (!stored.shippedAt().isEqual(resent.shippedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
            differences.add("shippedAt");
        }
        if (!sameLines(stored, resent)) {
            differences.add("lines");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("Shipment " + stored.shipmentId() + " was already recorded with other values for "
                    + differences);
        }
        SalesOrder shippedOrder = order.id() == stored.orderId() ? order
                : orders.findById(stored.orderId()).orElseThrow();
        return new Shipped(shippedOrder, stored, costByLine(stored), false);
    }

    private static boolean sameLines(Shipment stored, ShipmentRequest resent) {
        List<Shipment.Line> resentLines = resent.lines().stream()
                .map(line -> new Shipment.Line(line.lineNo(), line.quantity(), line.serialsOrEmpty()))
                .sorted(Comparator.comparingInt(Shipment.Line::lineNo)).toList();
        if (resentLines.size() != stored.lines().size()) {
            return false;
        }
        for (int i = 0; i < resentLines.size(); i++) {
            Shipment.Line a = resentLines.get(i);
            Shipment.Line b = stored.lines().get(i);
            if (a.lineNo() != b.lineNo() || a.quantity() != b.quantity()
                    || !new HashSet<>(a.serials()).equals(new HashSet<>(b.serials()))) {
                return false;
            }
        }
        return true;
    }

    /** The rules of the order: known lines, each once, no more than is left to ship, serials as sold. */
    private List<FieldProblem> check(SalesOrder order, ShipmentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Integer, Set<String>> shippedSerials = shipments.shippedSerialsByLine(order.id());
        List<RequestedLine> lines = RequestedLine.onOrder(order,
                request.lines().stream().map(ShipmentRequest.Line::lineNo).toList(),
                orders.fulfilment(order.id()), problems);
        for (RequestedLine requested : lines) {
            ShipmentRequest.Line line = request.lines().get(requested.index());
            if (line.quantity() > requested.open()) {
                problems.add(new FieldProblem(requested.field() + ".quantity", "is more than the "
                        + requested.open() + " unit(s) of line " + line.lineNo() + " left to ship ("
                        + requested.ordered().quantity() + " ordered, " + requested.done().shipped() + " shipped, "
                        + requested.done().cancelled() + " cancelled)"));
            }
            problems.addAll(checkSerials(requested.field(), requested.ordered(), line,
                    shippedSerials.getOrDefault(line.lineNo(), Set.of())));
        }
        return problems;
    }

    private List<FieldProblem> checkSerials(String field, OrderLine ordered, ShipmentRequest.Line line,
                                            Set<String> shippedBefore) {
        List<String> serials = line.serialsOrEmpty();
        Optional<Product> product = catalog.product(ordered.sku());
        if (product.isEmpty()) {
            return List.of(new FieldProblem(field + ".lineNo", "ships " + ordered.sku()
                    + ", which is not in the catalogue"));
        }
        if (!product.get().serialized()) {
            return serials.isEmpty() ? List.of() : List.of(new FieldProblem(field + ".serials", "must be empty: "
                    + ordered.sku() + " is not serialized"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (serials.size() != line.quantity()) {
            problems.add(new FieldProblem(field + ".serials", "lists " + serials.size() + " serial number(s) for "
                    + line.quantity() + " unit(s): " + ordered.sku() + " is serialized, name every unit's serial"));
        }
        if (new HashSet<>(serials).size() != serials.size()) {
            problems.add(new FieldProblem(field + ".serials", "lists a serial number twice"));
        }
        for (String serial : serials) {
            if (shippedBefore.contains(serial)) {
                problems.add(new FieldProblem(field + ".serials", "serial " + serial + " was shipped on line "
                        + ordered.lineNo() + " already"));
            } else if (!ordered.serials().isEmpty() && !ordered.serials().contains(serial)) {
                problems.add(new FieldProblem(field + ".serials", "serial " + serial + " was not sold on line "
                        + ordered.lineNo() + " (sold: " + ordered.serials() + ")"));
            }
        }
        return problems;
    }

    /** One move per line, or per unit of a serialized product. */
    private static List<StockMoveRequest> moves(String shipmentId, SalesOrder order, ShipmentRequest.Line line,
                                                long sellable, long customer, String shippedBy) {
        return moves(shipmentId, order.id(), order.line(line.lineNo()).orElseThrow().sku(), line, sellable, customer,
                shippedBy);
    }

    /** The moves of one shipped line of the order, whose SKU is given; also for {@link OrderBatches}. */
    static List<StockMoveRequest> moves(String shipmentId, long orderId, String sku, ShipmentRequest.Line line,
                                        long sellable, long customer, String shippedBy) {
        String key = moveKey(shipmentId, line.lineNo());
        if (line.serialsOrEmpty().isEmpty()) {
            return List.of(StockMoveRequest.saleShipment(key, sku, null, line.quantity(), sellable, customer,
                    orderId, line.lineNo(), shippedBy));
        }
        return line.serialsOrEmpty().stream().map(serial -> StockMoveRequest.saleShipment(key + "-serial-" + serial,
                sku, serial, 1, sellable, customer, orderId, line.lineNo(), shippedBy)).toList();
    }

    private static String moveKey(String shipmentId, int lineNo) {
        return "shipment-" + shipmentId + "-line-" + lineNo;
    }

    /**
     * Asks the ledger about each line's moves, then about all of them together (two lines of one SKU may each fit
     * the stock but not both); a refusal names the line and the ledger's reason, and nothing is moved.
     */
    private void refuseWhatStockDoesNotCover(SalesOrder order, ShipmentRequest request,
                                            Map<Integer, List<StockMoveRequest>> movesByLine, String warehouse) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ShipmentRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "]" + (line.serialsOrEmpty().isEmpty() ? ".quantity" : ".serials");
            ledger.refusal(movesByLine.get(line.lineNo())).ifPresent(reason -> problems.add(new FieldProblem(field,
                    "cannot ship from SELLABLE stock of " + warehouse + ": " + reason)));
        }
        if (problems.isEmpty()) {
            ledger.refusal(movesByLine.values().stream().flatMap(List::stream).toList()).ifPresent(reason ->
                    problems.add(new FieldProblem("lines", "cannot ship all lines of order " + order.orderNumber()
                            + " from SELLABLE stock of " + warehouse + " together: " + reason)));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
    }

    /** The cost of goods sold per line: the value the line's moves took out of sellable stock. */
    private Map<Integer, Long> costByLine(Shipment shipment) {
        Map<Integer, Long> cost = new LinkedHashMap<>();
        for (Shipment.Line line : shipment.lines()) {
            List<String> keys = line.serials().isEmpty() ? List.of(moveKey(shipment.shipmentId(), line.lineNo()))
                    : line.serials().stream()
                    .map(serial -> moveKey(shipment.shipmentId(), line.lineNo()) + "-serial-" + serial).toList();
            cost.put(line.lineNo(), keys.stream().mapToLong(key -> ledger.recordedMove(key)
                    .orElseThrow(() -> new IllegalStateException("Shipment " + shipment.shipmentId()
                            + " has no stock move " + key)).valueMinor()).sum());
        }
        return cost;
    }
}
