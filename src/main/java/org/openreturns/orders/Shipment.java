package org.openreturns.orders;

import java.time.OffsetDateTime;
import java.util.List;

/** A recorded shipment of an order; {@code orderId} is the order's internal id. */
record Shipment(String shipmentId, long orderId, String warehouse, OffsetDateTime shippedAt, String recordedBy,
                OffsetDateTime recordedAt, List<Line> lines) {

    record Line(int lineNo, int quantity, List<String> serials) {
    }
}
