package org.openreturns.claims;

import java.time.OffsetDateTime;
import java.util.UUID;

/** @param amountMinor the value of the units at cost, claimed from the supplier */
public record SupplierClaimView(long id, UUID returnId, int lineNo, String supplier, String sku, String serial,
                                int quantity, long amountMinor, String currency, String warehouse,
                                SupplierClaimStatus status,
                                String createdBy, OffsetDateTime createdAt, String shippedBy,
                                OffsetDateTime shippedAt) {
}
