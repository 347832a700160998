package org.openreturns.refurbishment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** @param outcome RESTOCKED or SCRAPPED once done */
public record RefurbishmentJobView(long id, UUID returnId, int lineNo, String sku, String serial, int quantity,
                                   String warehouse, RefurbishmentJobStatus status, String outcome, String notes,
                                   String createdBy, OffsetDateTime createdAt, String completedBy,
                                   OffsetDateTime completedAt) {
}
