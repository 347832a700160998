package org.openreturns.accounting;

import java.util.UUID;

/**
 * What the journal needs to know of a refund to post it.
 *
 * @param amountMinor        what the customer is paid
 * @param restockingFeeMinor the part of the price kept as a restocking fee (income); a damage deduction is not a
 *                           fee: the deducted part of the sale simply stays a sale and is not posted
 */
public record RefundPosting(long refundId, UUID returnId, int returnLineNo, String currency, long amountMinor,
                            long restockingFeeMinor) {
}
