package org.openreturns.returns;

/**
 * What is decided for a returned line: where its units go and what the customer gets back.
 *
 * @param refundDecision   FULL, PARTIAL, NONE or REPLACEMENT
 * @param deductionType    RESTOCKING_FEE or DAMAGE for a PARTIAL refund, null otherwise
 * @param deductionPercent the share of the price kept for a PARTIAL refund, null otherwise
 * @param reason           why, in words, for the timeline and the approver
 */
public record LineDecision(int lineNo, Disposition disposition, String refundDecision, String deductionType,
                           Integer deductionPercent, String reason) {
}
