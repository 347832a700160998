package org.openreturns.purchasing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A recorded purchase order with what its receipts brought so far; {@code closedAt}, {@code closedBy} and
 * {@code closeReason} are null while it is not closed.
 */
record PurchaseOrder(String id, String supplier, String warehouse, OffsetDateTime orderedAt,
                     OffsetDateTime expectedAt, String currency, String recordedBy, OffsetDateTime recordedAt,
                     OffsetDateTime closedAt, String closedBy, String closeReason, List<Line> lines) {

    /** @param received units of the SKU that receipts naming this order brought in */
    record Line(int lineNo, String sku, int quantity, long unitCostMinor, long received) {

        /** Still to come while the order is open; more received than ordered leaves nothing outstanding. */
        long outstanding(boolean closed) {
            return closed ? 0 : Math.max(0, quantity - received);
        }

        /** What closing the order gave up on: the units not received when it was closed. */
        long closedQuantity(boolean closed) {
            return closed ? Math.max(0, quantity - received) : 0;
        }
    }

    boolean closed() {
        return closedAt != null;
    }

    PurchaseOrderStatus status() {
        if (closed()) {
            return PurchaseOrderStatus.CLOSED;
        }
        if (lines.stream().allMatch(line -> line.received() >= line.quantity())) {
            return PurchaseOrderStatus.RECEIVED;
        }
        return lines.stream().anyMatch(line -> line.received() > 0) ? PurchaseOrderStatus.PARTLY_RECEIVED
                : PurchaseOrderStatus.OPEN;
    }

    Optional<Line> lineOf(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }
}
