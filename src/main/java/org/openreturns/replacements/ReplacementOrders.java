package org.openreturns.replacements;

import static org.openreturns.db.Tables.REPLACEMENT_ORDER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.ReplacementOrderRecord;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.RecordedMove;
import org.openreturns.inventory.ReferenceType;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right item sent to a customer who received a wrong one. It ships from sellable stock as a service recovery
 * cost (Dr 5200 / Cr 1300 at cost), not as a sale; when the warehouse has none, it is backordered and the timeline
 * says so.
 */
@Service
public class ReplacementOrders {

    private static final Set<String> STATUSES = Set.of("SHIPPED", "BACKORDERED");

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

    /** Ships (or backorders) the replacement of a return line; asking again answers the same order. */
    @Transactional
    public ReplacementView create(UUID returnId, int lineNo, String sku, int quantity, String warehouseCode,
                                  String actor) {
        ReplacementOrderRecord existing = find(returnId, lineNo);
        if (existing != null) {
            return view(existing);
        }
        long sellable = catalog.locationId(warehouseCode, LocationType.SELLABLE);
        boolean available = ledger.onHand(sku).stream().anyMatch(place -> place.warehouse().equals(warehouseCode)
                && place.locationType() == LocationType.SELLABLE && place.quantity() >= quantity);
        Long moveId = null;
        if (available) {
            RecordedMove move = ledger.record(new StockMoveRequest("replacement-" + returnId + "-line-" + lineNo, sku,
                    null, null, quantity, sellable, catalog.locationId(warehouseCode, LocationType.CUSTOMER),
                    MoveReason.REPLACEMENT_SHIPMENT, ReferenceType.RETURN, returnId.toString(), lineNo, null, null,
                    actor));
            moveId = move.moveId();
        }
        db.insertInto(REPLACEMENT_ORDER)
                .set(REPLACEMENT_ORDER.RETURN_ID, returnId)
                .set(REPLACEMENT_ORDER.RETURN_LINE_NO, lineNo)
                .set(REPLACEMENT_ORDER.SKU, sku)
                .set(REPLACEMENT_ORDER.QUANTITY, quantity)
                .set(REPLACEMENT_ORDER.WAREHOUSE, warehouseCode)
                .set(REPLACEMENT_ORDER.STATUS, available ? "SHIPPED" : "BACKORDERED")
                .set(REPLACEMENT_ORDER.STOCK_MOVE_ID, moveId)
                .set(REPLACEMENT_ORDER.CREATED_BY, actor)
                .set(REPLACEMENT_ORDER.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
        returns.note(returnId, actor, available ? "REPLACEMENT_SHIPPED" : "REPLACEMENT_BACKORDERED", quantity + " x "
                + sku + (available ? " sent to the customer from " + warehouseCode
                : " backordered: " + warehouseCode + " has none to send"));
        return view(find(returnId, lineNo));
    }

    @Transactional(readOnly = true)
    public List<ReplacementView> orders(String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new RuleViolationException("status", "must be SHIPPED or BACKORDERED");
        }
        return db.selectFrom(REPLACEMENT_ORDER)
                .where(status == null ? DSL.noCondition() : REPLACEMENT_ORDER.STATUS.eq(status))
                .orderBy(REPLACEMENT_ORDER.ID).fetch(ReplacementOrders::view);
    }

    private ReplacementOrderRecord find(UUID returnId, int lineNo) {
        return db.selectFrom(REPLACEMENT_ORDER).where(REPLACEMENT_ORDER.RETURN_ID.eq(returnId))
                .and(REPLACEMENT_ORDER.RETURN_LINE_NO.eq(lineNo)).fetchOne();
    }

    private static ReplacementView view(ReplacementOrderRecord order) {
        return new ReplacementView(order.getId(), order.getReturnId(), order.getReturnLineNo(), order.getSku(),
                order.getQuantity(), order.getWarehouse(), order.getStatus(), order.getStockMoveId(),
                order.getCreatedBy(), order.getCreatedAt());
    }
}
