package org.openreturns.returns;

import static org.openreturns.returns.ReturnStatus.AUTHORIZED;
import static org.openreturns.returns.ReturnStatus.AWAITING_APPROVAL;
import static org.openreturns.returns.ReturnStatus.CLOSED;
import static org.openreturns.returns.ReturnStatus.DISPUTED;
import static org.openreturns.returns.ReturnStatus.EXPIRED;
import static org.openreturns.returns.ReturnStatus.INSPECTED;
import static org.openreturns.returns.ReturnStatus.IN_TRANSIT;
import static org.openreturns.returns.ReturnStatus.PENDING_REVIEW;
import static org.openreturns.returns.ReturnStatus.RECEIVED;
import static org.openreturns.returns.ReturnStatus.REJECTED;
import static org.openreturns.returns.ReturnStatus.REQUESTED;
import static org.openreturns.returns.ReturnStatus.RESOLVED;
import static org.openreturns.returns.ReturnStatus.WAITING_FOR_PARCEL;

import java.util.Set;

/**
 * Every change of status a return can go through: the status it reaches, the statuses it may start from, and the
 * type of the timeline event that records it. This table is the one place that says which way a return can move;
 * {@link ReturnService} offers one method per row. A status no row starts from (REJECTED, EXPIRED, CLOSED,
 * CANCELLED) ends the return.
 */
public enum ReturnTransition {

    /** The eligibility rules ask a person to review the request. */
    MARK_PENDING_REVIEW(PENDING_REVIEW, "ELIGIBILITY_CHECKED", Set.of(REQUESTED)),
    /** The rules or a reviewer accept the request; the customer gets a label. */
    AUTHORIZE(AUTHORIZED, "AUTHORIZED", Set.of(REQUESTED, PENDING_REVIEW)),
    /** The rules or a reviewer refuse the request. */
    REJECT(REJECTED, "REJECTED", Set.of(REQUESTED, PENDING_REVIEW)),
    /** The carrier reports the parcel moving. */
    MARK_IN_TRANSIT(IN_TRANSIT, "CARRIER_EVENT", Set.of(AUTHORIZED)),
    /** The parcel is scanned at the warehouse. */
    MARK_RECEIVED(RECEIVED, "PARCEL_RECEIVED", WAITING_FOR_PARCEL),
    /** No parcel arrived in time. */
    EXPIRE(EXPIRED, "EXPIRED", WAITING_FOR_PARCEL),
    /** Every line that arrived is inspected. */
    MARK_INSPECTED(INSPECTED, "INSPECTED", Set.of(RECEIVED)),
    /** The decisions need a person's approval before they are carried out. */
    AWAIT_APPROVAL(AWAITING_APPROVAL, "DECIDED", Set.of(INSPECTED)),
    /** Units are held: the return waits for a manager to resolve the dispute. */
    DISPUTE(DISPUTED, "DISPUTED", Set.of(INSPECTED, AWAITING_APPROVAL)),
    /** A manager resolved the dispute; another person must approve the resolution. */
    RESOLVE_DISPUTE(AWAITING_APPROVAL, "DISPUTE_RESOLVED", Set.of(DISPUTED)),
    /** Dispositions carried out and refunds released. */
    RESOLVE(RESOLVED, "RESOLVED", Set.of(INSPECTED, AWAITING_APPROVAL)),
    /** The customer is told how the return ended. */
    CLOSE(CLOSED, "CLOSED", Set.of(RESOLVED));

    private final ReturnStatus to;
    private final String eventType;
    private final Set<ReturnStatus> from;

    ReturnTransition(ReturnStatus to, String eventType, Set<ReturnStatus> from) {
        this.to = to;
        this.eventType = eventType;
        this.from = from;
    }

    /** The status the return has after this change. */
    public ReturnStatus to() {
        return to;
    }

    /** The type of the timeline event that records this change. */
    public String eventType() {
        return eventType;
    }

    /** The statuses this change may start from. */
    public Set<ReturnStatus> from() {
        return from;
    }

    /** Whether a return in {@code current} may make this change. */
    public boolean allowedFrom(ReturnStatus current) {
        return from.contains(current);
    }
}
