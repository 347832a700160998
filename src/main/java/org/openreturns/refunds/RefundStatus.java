package org.openreturns.refunds;

/** HELD until approved; APPROVED owes the money; RELEASED paid it (or had nothing to pay); FAILED was refused. */
public enum RefundStatus {
    HELD, APPROVED, RELEASED, FAILED
}
