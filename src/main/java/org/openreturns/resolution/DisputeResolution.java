package org.openreturns.resolution;

import org.openreturns.returns.Disposition;

/**
 * How a manager resolves a return on hold: one disposition and refund decision for every line on hold.
 *
 * @param refundDecision   FULL, PARTIAL, NONE or REPLACEMENT (the right item is sent instead of a refund)
 * @param deductionPercent the share kept of a PARTIAL refund; null otherwise
 */
public record DisputeResolution(Disposition disposition, String refundDecision, Integer deductionPercent,
                                String comment) {
}
