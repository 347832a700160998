package org.openreturns.returns;

import java.util.Set;

/** The statuses of docs/specification/vocabulary.md; the API shows them by these names. */
public enum ReturnStatus {
    REQUESTED, PENDING_REVIEW, AUTHORIZED, REJECTED, IN_TRANSIT, RECEIVED, INSPECTED, AWAITING_APPROVAL, RESOLVED,
    CLOSED, EXPIRED, DISPUTED, CANCELLED;

    /** Returns in these statuses hold no quantity of their order lines: it can be returned again. */
    public static final Set<ReturnStatus> RELEASING_QUANTITY = Set.of(REJECTED, EXPIRED, CANCELLED);
}
