package org.openreturns.returns;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of a returns list: what a person scans a list for, and the refund decided so far.
 *
 * @param units        units on the return's lines
 * @param refundMinor  the refunds held, approved or released for it, in minor units of {@code currency}; null
 *                     before any
 * @param reasons      the reason codes of its lines
 */
public record ReturnListing(UUID returnId, String rmaNumber, ReturnStatus status, OffsetDateTime requestedAt,
                            OffsetDateTime statusChangedAt, String orderNumber, String channel, String warehouse,
                            String customerEmail, String currency, int units, Long refundMinor, List<String> reasons) {
}
