package org.openreturns.refunds;

/**
 * How a return line is compensated (the refund decisions of docs/specification/vocabulary.md). {@code NONE} and {@code
 * REPLACEMENT} pay no money: a replacement is shipped instead, and its cost is posted by the stock ledger when it
 * ships.
 */
public enum RefundDecision {
    FULL, PARTIAL, NONE, REPLACEMENT;

    /** Whether the customer is paid anything under this decision. */
    public boolean paysMoney() {
        return this == FULL || this == PARTIAL;
    }
}
