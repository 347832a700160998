package org.openreturns.orders;

import java.time.OffsetDateTime;

/** A customer as the latest of their orders reported them; {@code updatedAt} is when that order came in. */
record Customer(String id, String email, String phone, CustomerTier tier, OffsetDateTime updatedAt) {
}
