package org.openreturns.channels.settlement;

/** What a settlement line is (column {@code type}). */
enum SettlementLineType {
    /** The marketplace collected the customer's payment for an order: recorded, nothing posted here. */
    ORDER_PAYMENT,
    /** The marketplace refunded the customer itself: a channel refund, matched to the return. */
    REFUND,
    /** A fee the marketplace withheld: Dr marketplace fees / Cr channel receivable. */
    FEE,
    /** Takes back an earlier refund or fee line. */
    REVERSAL
}
