package org.openreturns.refunds;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A refund as {@code GET /api/refunds?returnId=} shows it; amounts in minor units of {@code currency}. */
public record RefundView(long id, UUID returnId, String rmaNumber, int lineNo, RefundDecision decision,
                         String currency, long grossMinor, long deductionMinor, DeductionType deductionType,
                         long amountMinor, RefundStatus status, String gateway, String gatewayReference,
                         String failureReason, CreditNote creditNote, List<Change> history) {

    public record CreditNote(String number, long amountMinor, String currency, OffsetDateTime issuedAt) {
    }

    /** One status change: who, when, from, to and why. {@code from} is null when the refund was held. */
    public record Change(OffsetDateTime at, String actor, RefundStatus from, RefundStatus to, String reason) {
    }
}
