package org.openreturns.orders;

import static org.openreturns.db.Tables.ORDER_SHIPMENT;
import static org.openreturns.db.Tables.ORDER_SHIPMENT_LINE;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class ShipmentRepository {

    private final DSLContext db;

    ShipmentRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Shipment> find(String shipmentId) {
        return db.selectFrom(ORDER_SHIPMENT).where(ORDER_SHIPMENT.SHIPMENT_ID.eq(shipmentId)).fetchOptional(
                shipment -> new Shipment(shipment.getShipmentId(), shipment.getOrderId(), shipment.getWarehouse(),
                        shipment.getShippedAt(), shipment.getRecordedBy(), shipment.getRecordedAt(),
                        db.selectFrom(ORDER_SHIPMENT_LINE).where(ORDER_SHIPMENT_LINE.SHIPMENT_ID.eq(shipmentId))
                                .orderBy(ORDER_SHIPMENT_LINE.LINE_NO)
                                .fetch(line -> new Shipment.Line(line.getLineNo(), line.getQuantity(),
                                        Arrays.asList(line.getSerials())))));
    }

    /**
     * Stores the shipment unless its id is taken; false when it is (by a shipment another transaction committed while
     * this one waited on the id).
     */
    boolean insert(Shipment shipment) {
        int inserted = db.insertInto(ORDER_SHIPMENT)
                .set(ORDER_SHIPMENT.SHIPMENT_ID, shipment.shipmentId())
                .set(ORDER_SHIPMENT.ORDER_ID, shipment.orderId())
                .set(ORDER_SHIPMENT.WAREHOUSE, shipment.warehouse())
                .set(ORDER_SHIPMENT.SHIPPED_AT, shipment.shippedAt())
                .set(ORDER_SHIPMENT.RECORDED_BY, shipment.recordedBy())
                .set(ORDER_SHIPMENT.RECORDED_AT, shipment.recordedAt())
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            return false;
        }
        for (Shipment.Line line : shipment.lines()) {
            db.insertInto(ORDER_SHIPMENT_LINE)
                    .set(ORDER_SHIPMENT_LINE.SHIPMENT_ID, shipment.shipmentId())
                    .set(ORDER_SHIPMENT_LINE.ORDER_ID, shipment.orderId())
                    .set(ORDER_SHIPMENT_LINE.LINE_NO, line.lineNo())
                    .set(ORDER_SHIPMENT_LINE.QUANTITY, line.quantity())
                    .set(ORDER_SHIPMENT_LINE.SERIALS, line.serials().toArray(String[]::new))
                    .execute();
        }
        return true;
    }

    /**
     * Stores many shipments in two statements; false when an id was taken already (then the caller's transaction
     * must not go on).
     */
    boolean insertAll(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return true;
        }
        var insert = db.insertInto(ORDER_SHIPMENT, ORDER_SHIPMENT.SHIPMENT_ID, ORDER_SHIPMENT.ORDER_ID,
                ORDER_SHIPMENT.WAREHOUSE, ORDER_SHIPMENT.SHIPPED_AT, ORDER_SHIPMENT.RECORDED_BY,
                ORDER_SHIPMENT.RECORDED_AT);
        var lines = db.insertInto(ORDER_SHIPMENT_LINE, ORDER_SHIPMENT_LINE.SHIPMENT_ID, ORDER_SHIPMENT_LINE.ORDER_ID,
                ORDER_SHIPMENT_LINE.LINE_NO, ORDER_SHIPMENT_LINE.QUANTITY, ORDER_SHIPMENT_LINE.SERIALS);
        for (Shipment shipment : shipments) {
            insert = insert.values(shipment.shipmentId(), shipment.orderId(), shipment.warehouse(),
                    shipment.shippedAt(), shipment.recordedBy(), shipment.recordedAt());
            for (Shipment.Line line : shipment.lines()) {
                lines = lines.values(shipment.shipmentId(), shipment.orderId(), line.lineNo(), line.quantity(),
                        line.serials().toArray(String[]::new));
            }
        }
        if (insert.onConflictDoNothing().execute() != shipments.size()) {
            return false;
        }
        lines.execute();
        return true;
    }

    /** Serials shipped so far per line of the order. */
    Map<Integer, Set<String>> shippedSerialsByLine(long orderId) {
        Map<Integer, Set<String>> serials = new HashMap<>();
        db.select(ORDER_SHIPMENT_LINE.LINE_NO, ORDER_SHIPMENT_LINE.SERIALS)
                .from(ORDER_SHIPMENT_LINE).where(ORDER_SHIPMENT_LINE.ORDER_ID.eq(orderId))
                .forEach(row -> serials.computeIfAbsent(row.value1(), line -> new HashSet<>())
                        .addAll(Arrays.asList(row.value2())));
        return serials;
    }
}
