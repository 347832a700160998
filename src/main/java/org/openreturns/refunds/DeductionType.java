package org.openreturns.refunds;

/**
 * Why a {@link RefundDecision#PARTIAL} refund pays less than the price. A restocking fee is income of its own
 * (account 4200); a damage deduction is the part of the sale the customer does not get back, so it is simply
 * not reversed.
 */
public enum DeductionType {
    RESTOCKING_FEE, DAMAGE
}
