package org.openreturns.refunds;

import java.util.UUID;

/**
 * A refund decision for one return line, to be held until it is approved and released.
 *
 * @param idempotencyKey  holding the same key again returns the refund held the first time
 * @param deductionMinor  what is kept of the price (PARTIAL only), in minor units of the order's currency
 * @param deductionType   why it is kept (PARTIAL only)
 * @param reason          why this decision, for the refund's history; optional
 */
public record HoldRequest(String idempotencyKey, UUID returnId, int lineNo, RefundDecision decision,
                          long deductionMinor, DeductionType deductionType, String reason) {

    public static HoldRequest full(String idempotencyKey, UUID returnId, int lineNo) {
        return new HoldRequest(idempotencyKey, returnId, lineNo, RefundDecision.FULL, 0, null, null);
    }

    public static HoldRequest restockingFee(String idempotencyKey, UUID returnId, int lineNo, long feeMinor) {
        return new HoldRequest(idempotencyKey, returnId, lineNo, RefundDecision.PARTIAL, feeMinor,
                DeductionType.RESTOCKING_FEE, null);
    }
}
