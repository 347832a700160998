package org.openreturns.resolution;

import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.Disposition;

/**
 * How a manager resolves a return on hold: one disposition and refund decision for every line on hold.
 *
 * @param disposition      null when the manager chose none the form offers
 * @param refundDecision   FULL, PARTIAL, NONE or REPLACEMENT (the right item is sent instead of a refund); null
 *                         when the manager chose none the form offers
 * @param deductionPercent the share kept of a PARTIAL refund; null otherwise
 */
public record DisputeResolution(Disposition disposition, RefundDecision refundDecision, Integer deductionPercent,
                                String comment) {
}
