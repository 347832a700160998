package org.openreturns.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
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
 * Takes many NEW orders of one channel at once, each with what of it was shipped and cancelled, as a channel's report
 * brings them: the same rules and the same rows as {@link OrderService#ingest}, {@link OrderShipments#ship} and
 * {@link OrderCancellations#cancel} one order at a time (the same move keys, journal entries and outbox figures), but
 * in one transaction with one statement per table and one ledger batch for all shipments.
 *
 * <p>All or nothing: an order known already, or one those services would refuse (a rule of the order, a SKU the
 * stock does not cover, a serialized product), refuses the whole batch, and nothing of it is stored. The caller then
 * takes the orders one at a time, where each refusal concerns its own order.
 */
@Service
public class OrderBatches {

    /** A new order, with its shipment and cancellation (null when nothing of it shipped, or was cancelled). */
    public record NewOrder(OrderIngestion order, ShipmentRequest shipment, CancellationRequest cancellation) {
    }

    private final OrderService orderService;
    private final OrderRepository orders;
    private final ShipmentRepository shipments;
    private final CancellationRepository cancellations;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final Clock clock;

    OrderBatches(OrderService orderService, OrderRepository orders, ShipmentRepository shipments,
                 CancellationRepository cancellations, CatalogService catalog, StockLedger ledger, Clock clock) {
        this.orderService = orderService;
        this.orders = orders;
        this.shipments = shipments;
        this.cancellations = cancellations;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The channel's order ids, of those given, that are stored already. */
    @Transactional(readOnly = true)
    public Set<String> known(String channel, Collection<String> orderIds) {
        return orders.knownNumbers(channel, orderIds);
    }

    /**
     * Stores the orders, ships and cancels what they say, all in one transaction.
     *
     * @throws RuleViolationException    an order breaks a rule of the order, its shipment or its cancellation
     * @throws ConflictException         an order, shipment or cancellation id is taken already
     * @throws org.openreturns.inventory.StockMoveException the stock does not cover the shipments
     */
    @Transactional
    public void ingestNew(String channel, List<NewOrder> batch, String by) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> channels = catalog.channelCodes();
        for (NewOrder order : batch) {
            check(channel, order, channels);
        }
        Set<String> known = orders.knownNumbers(channel, batch.stream().map(order -> order.order().id()).toList());
        if (!known.isEmpty()) {
            throw new ConflictException("Orders " + known + " of channel " + channel + " are known already");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> skus = new LinkedHashSet<>();
        batch.forEach(order -> order.order().lines().forEach(line -> skus.add(line.sku())));
        Set<String> shippedSkus = new LinkedHashSet<>();
        batch.stream().filter(order -> order.shipment() != null).forEach(order -> order.shipment().lines()
                .forEach(line -> shippedSkus.add(skuOf(order, line.lineNo()))));
        Set<String> notShipped = new LinkedHashSet<>(skus);
        notShipped.removeAll(shippedSkus);
        // Every SKU's figure changes (reserved by the order, or shipped): all are locked before the ledger's balances,
        // as OrderService.ingest and the ledger do for one order. The shipments' moves come last and publish their
        // SKUs' figures; the others are published after them.
        ledger.changingAvailability(skus, notShipped, () -> {
            Map<String, OrderIngestion.Customer> customers = new LinkedHashMap<>();
            batch.forEach(order -> customers.put(order.order().customer().id(), order.order().customer()));
            orders.upsertCustomers(customers.values(), now);
            Map<String, Long> ids = orders.insertOrders(batch.stream().map(NewOrder::order).toList(), now, by);
            List<OrderLine> lines = new ArrayList<>();
            List<Shipment> shipped = new ArrayList<>();
            List<Cancellation> cancelled = new ArrayList<>();
            List<StockMoveRequest> moves = new ArrayList<>();
            Map<String, Warehouse> warehouses = new HashMap<>();
            for (NewOrder order : batch) {
                long id = ids.get(order.order().id());
                Currency currency = Currency.getInstance(order.order().currency());
                for (OrderIngestion.Line line : order.order().lines()) {
                    lines.add(new OrderLine(id, line.lineNo(), line.sku(), line.quantity(),
                            Money.toMinorUnits(line.unitPrice(), currency), line.serialsOrEmpty()));
                }
                if (order.shipment() != null) {
                    shipped.add(shipment(id, order, warehouses.computeIfAbsent(order.order().warehouse(),
                            catalog::warehouse), now, by, moves));
                }
                if (order.cancellation() != null) {
                    cancelled.add(new Cancellation(order.cancellation().cancellationId(), id, by, now,
                            order.cancellation().lines().stream()
                                    .map(line -> new Cancellation.Line(line.lineNo(), line.quantity())).toList()));
                }
            }
            orders.insertLines(lines);
            if (!shipments.insertAll(shipped) || !cancellations.insertAll(cancelled)) {
                throw new ConflictException("A shipment or cancellation id of the batch is taken already");
            }
            ledger.record(moves);
            return null;
        });
    }

    private static Shipment shipment(long orderId, NewOrder order, Warehouse warehouse, OffsetDateTime now,
                                     String by, List<StockMoveRequest> moves) {
        long sellable = warehouse.location(LocationType.SELLABLE).id();
        long customer = warehouse.location(LocationType.CUSTOMER).id();
        ShipmentRequest request = order.shipment();
        for (ShipmentRequest.Line line : request.lines()) {
            String sku = skuOf(order, line.lineNo());
            moves.addAll(OrderShipments.moves(request.shipmentId(), orderId, sku, line, sellable, customer, by));
        }
        return new Shipment(request.shipmentId(), orderId, order.order().warehouse(), request.shippedAt(), by, now,
                request.lines().stream().map(line -> new Shipment.Line(line.lineNo(), line.quantity(),
                        line.serialsOrEmpty())).toList());
    }

    private static String skuOf(NewOrder order, int lineNo) {
        return order.order().lines().stream().filter(sold -> sold.lineNo() == lineNo).findFirst().orElseThrow().sku();
    }

    /**
     * The rules the one-order services apply to a new order: the order's own, and that its shipment (from the order's
     * warehouse, without serials) and cancellation name its lines once each and take no more than each line has.
     */
    private void check(String channel, NewOrder order, Set<String> channels) {
        List<FieldProblem> problems = new ArrayList<>(orderService.check(order.order(), channels));
        if (!order.order().channel().equals(channel)) {
            problems.add(new FieldProblem("channel", "is not " + channel + ", the channel of the batch"));
        }
        Map<Integer, Integer> open = new LinkedHashMap<>();
        order.order().lines().forEach(line -> open.put(line.lineNo(), line.quantity()));
        if (order.shipment() != null) {
            if (order.shipment().warehouse() != null) {
                problems.add(new FieldProblem("shipment.warehouse", "must be the order's own in a batch"));
            }
            for (ShipmentRequest.Line line : order.shipment().lines()) {
                if (!line.serialsOrEmpty().isEmpty()) {
                    problems.add(new FieldProblem("shipment.lines", "a batch ships no serialized units"));
                }
                take(open, line.lineNo(), line.quantity(), "shipment", problems);
            }
        }
        if (order.cancellation() != null) {
            for (CancellationRequest.Line line : order.cancellation().lines()) {
                take(open, line.lineNo(), line.quantity(), "cancellation", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
    }

    private static void take(Map<Integer, Integer> open, int lineNo, int quantity, String what,
                             List<FieldProblem> problems) {
        Integer left = open.get(lineNo);
        if (left == null || quantity < 1 || quantity > left) {
            problems.add(new FieldProblem(what + ".lines", "line " + lineNo + ": " + quantity
                    + " unit(s) are not open on the order"));
            return;
        }
        open.put(lineNo, left - quantity);
    }
}
