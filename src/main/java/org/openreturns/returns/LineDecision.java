package org.openreturns.returns;

import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.RefundDecision;

/**
 * What is decided for a returned line: where its units go and what the customer gets back.
 *
 * @param deductionType    why a PARTIAL refund pays less, null otherwise
 * @param deductionPercent the share of the price kept for a PARTIAL refund, null otherwise
 * @param reason           why, in words, for the timeline and the approver
 */
public record LineDecision(int lineNo, Disposition disposition, RefundDecision refundDecision,
                           DeductionType deductionType,
                           Integer deductionPercent, String reason) {
}
