package org.openreturns.returns;

import java.util.Set;

/**
 * The statuses of docs/specification/vocabulary.md; the API shows them by these names. Which status a return may move
 * to from which is written in one table, {@link ReturnTransition}.
 */
public enum ReturnStatus {
    REQUESTED, PENDING_REVIEW, AUTHORIZED, REJECTED, IN_TRANSIT, RECEIVED, INSPECTED, AWAITING_APPROVAL, RESOLVED,
    CLOSED, EXPIRED, DISPUTED, CANCELLED;

    /** Returns in these statuses hold no quantity of their order lines: it can be returned again. */
    public static final Set<ReturnStatus> RELEASING_QUANTITY = Set.of(REJECTED, EXPIRED, CANCELLED);

    /** Authorized returns whose parcel has not reached the warehouse yet. */
    public static final Set<ReturnStatus> WAITING_FOR_PARCEL = Set.of(AUTHORIZED, IN_TRANSIT);
}
