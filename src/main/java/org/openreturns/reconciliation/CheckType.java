package org.openreturns.reconciliation;

/** The kinds of break the nine checks of docs/specification/reconciliation.md find. */
public enum CheckType {
    /** Check 1: a balance differs from the sum of its moves. */
    BALANCE_VS_MOVES,
    /** Check 1: the moves of a place add up to less than nothing. */
    NEGATIVE_BALANCE,
    /** Check 2: the value of the stock in an inventory account's places differs from the account's balance. */
    VALUE_VS_ACCOUNT,
    /** Check 3: a received return line without exactly its receipt moves. */
    RECEIPT_MOVE_MISSING,
    /** Check 3: a resolved return line without its disposition move. */
    DISPOSITION_MOVE_MISSING,
    /** Check 3: stock waiting in returns receiving or quarantine longer than the SLA. */
    OVERDUE_IN_RETURNS,
    /** Check 4: money released without a passed inspection or an approved exception. */
    REFUND_LEAKAGE,
    /** Check 4: refunds payable differs from refunds approved minus refunds paid. */
    REFUNDS_PAYABLE_MISMATCH,
    /** Check 5: a physical count differs from the ledger. */
    COUNT_VARIANCE,
    /** Check 6: a channel shows more stock than is available to sell. */
    PHANTOM_INVENTORY,
    /**
     * Check 6: a channel shows more of a SKU than the figure last published to it and accepted before its report
     * (it missed or ignored an update).
     */
    CHANNEL_ABOVE_PUBLISHED,
    /**
     * Check 7: an order line shipped more units than were sold (ordered less cancelled), or its shipment moves and its
     * recorded shipments disagree.
     */
    SHIPPED_VS_SOLD,
    /** Check 7: a shipment's cost of goods sold in the journal differs from the value its moves took out of stock. */
    SHIPMENT_COGS_MISMATCH,
    /** Check 8: a transfer between warehouses has been in transit longer than the setting allows. */
    TRANSFER_OVERDUE,
    /**
     * Check 9: a purchase order line received beyond what was ordered, a SKU received that its order does not have,
     * receipts naming a purchase order that is not registered, or an order with units outstanding past its expected
     * delivery and the grace period (overdue delivery).
     */
    RECEIVED_VS_ORDERED;

    /** Only a count difference is put right by a stock move; every other break is explained and accepted. */
    public boolean adjustableByStockMove() {
        return this == COUNT_VARIANCE;
    }
}
