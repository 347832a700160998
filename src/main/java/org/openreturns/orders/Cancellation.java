package org.openreturns.orders;

import java.time.OffsetDateTime;
import java.util.List;

/** A recorded cancellation of units of an order; {@code orderId} is the order's internal id. */
record Cancellation(String cancellationId, long orderId, String recordedBy, OffsetDateTime recordedAt,
                    List<Line> lines) {

    record Line(int lineNo, int quantity) {
    }
}
