package org.openreturns.purchasing;

import static org.openreturns.db.Tables.PURCHASE_ORDER;
import static org.openreturns.db.Tables.PURCHASE_ORDER_LINE;
import static org.openreturns.db.Tables.PURCHASE_RECEIPT;
import static org.openreturns.db.Tables.PURCHASE_RECEIPT_LINE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.openreturns.db.tables.records.PurchaseOrderRecord;
import org.springframework.stereotype.Repository;

@Repository
class PurchaseOrderRepository {

    /** Units of the line's SKU that receipts naming the line's order brought in. */
    private static final Field<Long> RECEIVED = DSL.coalesce(DSL.select(DSL.sum(PURCHASE_RECEIPT_LINE.QUANTITY))
            .from(PURCHASE_RECEIPT_LINE)
            .join(PURCHASE_RECEIPT).on(PURCHASE_RECEIPT.RECEIPT_ID.eq(PURCHASE_RECEIPT_LINE.RECEIPT_ID))
            .where(PURCHASE_RECEIPT.PURCHASE_ORDER_ID.eq(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID))
            .and(PURCHASE_RECEIPT_LINE.SKU.eq(PURCHASE_ORDER_LINE.SKU))
            .<BigDecimal>asField(), BigDecimal.ZERO).cast(Long.class).as("received");

    private final DSLContext db;

    PurchaseOrderRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The order with what was received against it; its row locked when asked, so that receipts against one order and
     * its closing wait for each other instead of each counting what is outstanding without the other.
     */
    Optional<PurchaseOrder> find(String id, boolean lockForUpdate) {
        var query = db.selectFrom(PURCHASE_ORDER).where(PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(id));
        Optional<PurchaseOrderRecord> order = lockForUpdate ? query.forUpdate().fetchOptional()
                : query.fetchOptional();
        return order.map(row -> toOrder(row, linesOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** The orders of the supplier (all when null), newest first. */
    List<PurchaseOrder> list(String supplier) {
        Condition condition = supplier == null ? DSL.noCondition() : PURCHASE_ORDER.SUPPLIER.eq(supplier);
        List<PurchaseOrderRecord> orders = db.selectFrom(PURCHASE_ORDER).where(condition)
                .orderBy(PURCHASE_ORDER.ORDERED_AT.desc(), PURCHASE_ORDER.PURCHASE_ORDER_ID).fetch();
        Map<String, List<PurchaseOrder.Line>> lines = linesOf(orders.stream()
                .map(PurchaseOrderRecord::getPurchaseOrderId).toList());
        return orders.stream().map(row -> toOrder(row, lines.getOrDefault(row.getPurchaseOrderId(), List.of())))
                .toList();
    }

    /** Stores the order unless its id is taken; false when it is. */
    boolean insert(PurchaseOrder order) {
        int inserted = db.insertInto(PURCHASE_ORDER)
                .set(PURCHASE_ORDER.PURCHASE_ORDER_ID, order.id())
                .set(PURCHASE_ORDER.SUPPLIER, order.supplier())
                .set(PURCHASE_ORDER.WAREHOUSE, order.warehouse())
                .set(PURCHASE_ORDER.ORDERED_AT, order.orderedAt())
                .set(PURCHASE_ORDER.EXPECTED_AT, order.expectedAt())
                .set(PURCHASE_ORDER.CURRENCY, order.currency())
                .set(PURCHASE_ORDER.RECORDED_BY, order.recordedBy())
                .set(PURCHASE_ORDER.RECORDED_AT, order.recordedAt())
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            return false;
        }
        for (PurchaseOrder.Line line : order.lines()) {
            db.insertInto(PURCHASE_ORDER_LINE)
                    .set(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID, order.id())
                    .set(PURCHASE_ORDER_LINE.LINE_NO, line.lineNo())
                    .set(PURCHASE_ORDER_LINE.SKU, line.sku())
                    .set(PURCHASE_ORDER_LINE.QUANTITY, line.quantity())
                    .set(PURCHASE_ORDER_LINE.UNIT_COST_MINOR, line.unitCostMinor())
                    .execute();
        }
        return true;
    }

    void close(String id, OffsetDateTime closedAt, String closedBy, String reason) {
        db.update(PURCHASE_ORDER).set(PURCHASE_ORDER.CLOSED_AT, closedAt)
                .set(PURCHASE_ORDER.CLOSED_BY, closedBy)
                .set(PURCHASE_ORDER.CLOSE_REASON, reason)
                .where(PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(id)).and(PURCHASE_ORDER.CLOSED_AT.isNull())
                .execute();
    }

    private Map<String, List<PurchaseOrder.Line>> linesOf(Collection<String> orderIds) {
        return db.select(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID, PURCHASE_ORDER_LINE.LINE_NO, PURCHASE_ORDER_LINE.SKU,
                        PURCHASE_ORDER_LINE.QUANTITY, PURCHASE_ORDER_LINE.UNIT_COST_MINOR, RECEIVED)
                .from(PURCHASE_ORDER_LINE)
                .where(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID.in(orderIds))
                .orderBy(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID, PURCHASE_ORDER_LINE.LINE_NO)
                .fetch().stream()
                .collect(Collectors.groupingBy(line -> line.get(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID),
                        Collectors.mapping(PurchaseOrderRepository::toLine, Collectors.toList())));
    }

    private static PurchaseOrder.Line toLine(Record line) {
        return new PurchaseOrder.Line(line.get(PURCHASE_ORDER_LINE.LINE_NO), line.get(PURCHASE_ORDER_LINE.SKU),
                line.get(PURCHASE_ORDER_LINE.QUANTITY), line.get(PURCHASE_ORDER_LINE.UNIT_COST_MINOR),
                line.get(RECEIVED));
    }

    private static PurchaseOrder toOrder(PurchaseOrderRecord row, List<PurchaseOrder.Line> lines) {
        return new PurchaseOrder(row.getPurchaseOrderId(), row.getSupplier(), row.getWarehouse(), row.getOrderedAt(),
                row.getExpectedAt(), row.getCurrency(), row.getRecordedBy(), row.getRecordedAt(), row.getClosedAt(),
                row.getClosedBy(), row.getCloseReason(), lines);
    }
}
