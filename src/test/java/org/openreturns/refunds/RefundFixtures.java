package org.openreturns.refunds;

import static org.openreturns.db.Tables.INSPECTION;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.ApiClient;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;

/**
 * Returns and inspections written straight to the tables, each with its own order, RMA and customer, so tests
 * sharing one database never collide and need not drive the process to reach an inspected line.
 */
public final class RefundFixtures {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T09:00:00Z");

    private final DSLContext db;
    private final OrderService orders;

    public RefundFixtures(DSLContext db, OrderService orders) {
        this.db = db;
        this.orders = orders;
    }

    public record Line(UUID returnId, int lineNo, String rmaNumber, String customerId) {
    }

    /** Line 1 of a new return of one unit of an order line sold at {@code unitPrice} EUR. */
    public Line returnedLine(String unitPrice) {
        String orderId = ApiClient.newOrderId();
        String customerId = "C-" + orderId;
        SalesOrder order = orders.ingest(new OrderIngestion(orderId, "WEB",
                new OrderIngestion.Customer(customerId, customerId.toLowerCase() + "@example.com",
                        CustomerTier.STANDARD, null), NOW.minusDays(10), NOW.minusDays(7), "EUR", "WH-BER",
                List.of(new OrderIngestion.Line(1, "TSHIRT-BLK-M", 2, new BigDecimal(unitPrice), List.of())), null, null),
                "test").order();
        UUID returnId = UUID.randomUUID();
        String rma = "RMA-T-" + returnId.toString().substring(0, 8);
        db.insertInto(RETURN_REQUEST)
                .set(RETURN_REQUEST.ID, returnId).set(RETURN_REQUEST.RMA_NUMBER, rma)
                .set(RETURN_REQUEST.ORDER_ID, order.id()).set(RETURN_REQUEST.STATUS, "RECEIVED")
                .set(RETURN_REQUEST.REQUESTED_BY, "test").set(RETURN_REQUEST.REQUESTED_AT, NOW)
                .set(RETURN_REQUEST.STATUS_CHANGED_AT, NOW)
                .execute();
        db.insertInto(RETURN_LINE)
                .set(RETURN_LINE.RETURN_ID, returnId).set(RETURN_LINE.ORDER_ID, order.id())
                .set(RETURN_LINE.LINE_NO, 1).set(RETURN_LINE.QUANTITY, 1)
                .set(RETURN_LINE.REASON_CODE, "CHANGED_MIND").set(RETURN_LINE.DECLARED_CONDITION, "OPENED")
                .set(RETURN_LINE.RECEIVED_SKU, "TSHIRT-BLK-M").set(RETURN_LINE.RECEIVED_QUANTITY, 1)
                .execute();
        return new Line(returnId, 1, rma, customerId);
    }

    /** An inspection that passed: grade B, the SKU sold, no serial (the item has none). */
    public void passedInspection(Line line) {
        inspection(line, true, null);
    }

    void inspection(Line line, boolean skuMatches, Boolean serialMatches) {
        db.insertInto(INSPECTION)
                .set(INSPECTION.RETURN_ID, line.returnId()).set(INSPECTION.LINE_NO, line.lineNo())
                .set(INSPECTION.GRADE, "B").set(INSPECTION.SKU_MATCHES, skuMatches)
                .set(INSPECTION.SERIAL_MATCHES, serialMatches).set(INSPECTION.PACKAGING_OK, false)
                .set(INSPECTION.FUNCTIONAL, true).set(INSPECTION.REASON_CONFIRMED, true)
                .set(INSPECTION.INSPECTED_BY, "quality1").set(INSPECTION.INSPECTED_AT, NOW)
                .execute();
    }

    public static String key() {
        return "test-" + UUID.randomUUID();
    }
}
