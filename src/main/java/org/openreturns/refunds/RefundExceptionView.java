package org.openreturns.refunds;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Permission to release a line's refund without a passed inspection; it counts once approved. */
public record RefundExceptionView(long id, UUID returnId, int lineNo, String reason, String requestedBy,
                                  OffsetDateTime requestedAt, String approvedBy, OffsetDateTime approvedAt) {

    public boolean approved() {
        return approvedBy != null;
    }
}
