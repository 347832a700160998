package org.openreturns.replacements;

import java.time.OffsetDateTime;
import java.util.UUID;

/** @param status SHIPPED, or BACKORDERED while the warehouse has none to send */
public record ReplacementView(long id, UUID returnId, int lineNo, String sku, int quantity, String warehouse,
                              ReplacementStatus status, Long stockMoveId, String createdBy, OffsetDateTime createdAt) {
}
