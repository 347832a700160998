package org.openreturns.replacements;

import static org.openreturns.db.Tables.REPLACEMENT_ORDER;
import static org.openreturns.db.Tables.SERIAL_UNIT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.catalog.Product;
import org.openreturns.db.tables.records.ReplacementOrderRecord;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.RecordedMove;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Codes;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right item sent to a customer who received a wrong one. It ships from sellable stock as a service recovery
 * cost (Dr 5200 / Cr 1300 at cost), not as a sale; a serialized item ships the units on the shelf, each with its
 * serial. When the warehouse has not enough, it is backordered, with no move, and the timeline says so.
 */
@Service
public class ReplacementOrders {


    private final DSLContext db;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final ReturnService returns;
    private final Clock clock;

    ReplacementOrders(DSLContext db, CatalogService catalog, StockLedger ledger, ReturnService returns, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.ledger = ledger;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * Ships (or backorders) the replacement of every line of a resolved return whose refund decision is a
     * replacement; a repeated delivery of the step answers the orders already made.
     */
    @Transactional
    public void createForReturn(UUID returnId, String actor) {
        String warehouse = returns.orderOf(returnId).warehouse();
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.refundDecision() == RefundDecision.REPLACEMENT) {
                create(returnId, line.lineNo(), line.sku(), line.quantity(), warehouse, actor);
            }
        }
    }

    /** Ships (or backorders) the replacement of a return line; asking again answers the same order. */
    @Transactional
    public ReplacementView create(UUID returnId, int lineNo, String sku, int quantity, String warehouseCode,
                                  String actor) {
        ReplacementOrderRecord existing = find(returnId, lineNo);
        if (existing != null) {
            return view(existing);
        }
        Product product = catalog.product(sku)
                .orElseThrow(() -> new NotFoundException("sku", "No product " + sku + " to send as a replacement"));
        long sellable = catalog.locationId(warehouseCode, LocationType.SELLABLE);
        long customer = catalog.locationId(warehouseCode, LocationType.CUSTOMER);
        String key = "replacement-" + returnId + "-line-" + lineNo;
        List<StockMoveRequest> shipment = new ArrayList<>();
        if (product.serialized()) {
            // A serialized item leaves unit by unit, each with its serial: any units on the sellable shelf will do.
            List<String> serials = sellableSerials(sku, sellable, quantity);
            if (serials.size() == quantity) {
                serials.forEach(serial -> shipment.add(shipment(key + "-" + serial, sku, serial, 1, sellable,
                        customer, returnId, lineNo, actor)));
            }
        } else if (ledger.onHand(sku).stream().anyMatch(place -> place.warehouse().equals(warehouseCode)
                && place.locationType() == LocationType.SELLABLE && place.quantity() >= quantity)) {
            shipment.add(shipment(key, sku, null, quantity, sellable, customer, returnId, lineNo, actor));
        }
        boolean shipped = !shipment.isEmpty();
        List<RecordedMove> moves = shipped ? ledger.record(shipment) : List.of();
        db.insertInto(REPLACEMENT_ORDER)
                .set(REPLACEMENT_ORDER.RETURN_ID, returnId)
                .set(REPLACEMENT_ORDER.RETURN_LINE_NO, lineNo)
                .set(REPLACEMENT_ORDER.SKU, sku)
                .set(REPLACEMENT_ORDER.QUANTITY, quantity)
                .set(REPLACEMENT_ORDER.WAREHOUSE, warehouseCode)
                .set(REPLACEMENT_ORDER.STATUS,
                        (shipped ? ReplacementStatus.SHIPPED : ReplacementStatus.BACKORDERED).name())
                // The first unit's move; the others of a serialized item reference the same return line.
                .set(REPLACEMENT_ORDER.STOCK_MOVE_ID, shipped ? moves.get(0).moveId() : null)
                .set(REPLACEMENT_ORDER.CREATED_BY, actor)
                .set(REPLACEMENT_ORDER.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
        String serials = shipment.stream().map(StockMoveRequest::serial).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        returns.note(returnId, actor, shipped ? "REPLACEMENT_SHIPPED" : "REPLACEMENT_BACKORDERED", quantity + " x "
                + sku + (serials.isEmpty() ? "" : " (" + serials + ")") + (shipped
                ? " sent to the customer from " + warehouseCode
                : " backordered: " + warehouseCode + " has not enough sellable stock to send"));
        return view(find(returnId, lineNo));
    }

    /** Up to {@code quantity} serials on the shelf, skipping units another transaction is moving right now. */
    private List<String> sellableSerials(String sku, long sellable, int quantity) {
        return db.select(SERIAL_UNIT.SERIAL).from(SERIAL_UNIT)
                .where(SERIAL_UNIT.SKU.eq(sku)).and(SERIAL_UNIT.LOCATION_ID.eq(sellable))
                .orderBy(SERIAL_UNIT.SERIAL).limit(quantity)
                .forUpdate().skipLocked()
                .fetch(SERIAL_UNIT.SERIAL);
    }

    private static StockMoveRequest shipment(String key, String sku, String serial, int quantity, long sellable,
                                             long customer, UUID returnId, int lineNo, String actor) {
        return StockMoveRequest.between(key, sku, serial, quantity, sellable, customer,
                MoveReason.REPLACEMENT_SHIPMENT, Reference.returnLine(returnId, lineNo), actor);
    }

    /** Replacement orders by status (SHIPPED or BACKORDERED; all when null), oldest first. */
    @Transactional(readOnly = true)
    public List<ReplacementView> orders(String status) {
        Condition condition = DSL.noCondition();
        if (status != null) {
            ReplacementStatus wanted = Codes.parse(ReplacementStatus.class, status)
                    .orElseThrow(() -> new RuleViolationException("status", "must be SHIPPED or BACKORDERED"));
            condition = REPLACEMENT_ORDER.STATUS.eq(wanted.name());
        }
        return db.selectFrom(REPLACEMENT_ORDER).where(condition)
                .orderBy(REPLACEMENT_ORDER.ID).fetch(ReplacementOrders::view);
    }

    private ReplacementOrderRecord find(UUID returnId, int lineNo) {
        return db.selectFrom(REPLACEMENT_ORDER).where(REPLACEMENT_ORDER.RETURN_ID.eq(returnId))
                .and(REPLACEMENT_ORDER.RETURN_LINE_NO.eq(lineNo)).fetchOne();
    }

    private static ReplacementView view(ReplacementOrderRecord order) {
        return new ReplacementView(order.getId(), order.getReturnId(), order.getReturnLineNo(), order.getSku(),
                order.getQuantity(), order.getWarehouse(), ReplacementStatus.valueOf(order.getStatus()),
                order.getStockMoveId(), order.getCreatedBy(), order.getCreatedAt());
    }
}
