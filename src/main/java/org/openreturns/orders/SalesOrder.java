package org.openreturns.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A stored sales order, the origin every return traces back to. */
public record SalesOrder(long id, String channel, String orderNumber, String customerId, CustomerTier customerTier,
                         OffsetDateTime placedAt, OffsetDateTime deliveredAt, String currency, String warehouse,
                         List<OrderLine> lines) {

    public Optional<OrderLine> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo() == lineNo).findFirst();
    }
}
