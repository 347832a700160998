package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.ReturnStatus.AUTHORIZED;
import static org.openreturns.returns.ReturnStatus.AWAITING_APPROVAL;
import static org.openreturns.returns.ReturnStatus.CANCELLED;
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

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The table of status changes, read as the lifecycle of docs/specification/lifecycle.md: every arrow allowed. */
class ReturnTransitionTest {

    private record Arrow(ReturnStatus from, ReturnStatus to) {
    }

    /** The lifecycle's arrows, written out by hand so that a change to the table has to change this list too. */
    private static final Set<Arrow> LIFECYCLE = Set.of(
            new Arrow(REQUESTED, PENDING_REVIEW),
            new Arrow(REQUESTED, AUTHORIZED), new Arrow(PENDING_REVIEW, AUTHORIZED),
            new Arrow(REQUESTED, REJECTED), new Arrow(PENDING_REVIEW, REJECTED),
            new Arrow(AUTHORIZED, IN_TRANSIT),
            new Arrow(AUTHORIZED, RECEIVED), new Arrow(IN_TRANSIT, RECEIVED),
            new Arrow(AUTHORIZED, EXPIRED), new Arrow(IN_TRANSIT, EXPIRED),
            new Arrow(RECEIVED, INSPECTED),
            new Arrow(INSPECTED, AWAITING_APPROVAL),
            new Arrow(INSPECTED, DISPUTED), new Arrow(AWAITING_APPROVAL, DISPUTED),
            new Arrow(DISPUTED, AWAITING_APPROVAL),
            new Arrow(INSPECTED, RESOLVED), new Arrow(AWAITING_APPROVAL, RESOLVED),
            new Arrow(RESOLVED, CLOSED));

    @Test
    void theTableAllowsExactlyTheArrowsOfTheLifecycle() {
        Set<Arrow> allowed = new HashSet<>();
        for (ReturnTransition transition : ReturnTransition.values()) {
            transition.from().forEach(from -> allowed.add(new Arrow(from, transition.to())));
        }

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(LIFECYCLE);
    }

    @Test
    void aReturnCannotSkipTheParcelOrTheInspection() {
        assertThat(ReturnTransition.MARK_RECEIVED.allowedFrom(REQUESTED)).isFalse();
        assertThat(ReturnTransition.MARK_RECEIVED.allowedFrom(PENDING_REVIEW)).isFalse();
        assertThat(ReturnTransition.MARK_INSPECTED.allowedFrom(AUTHORIZED)).isFalse();
        assertThat(ReturnTransition.RESOLVE.allowedFrom(RECEIVED)).isFalse();
        assertThat(ReturnTransition.CLOSE.allowedFrom(INSPECTED)).isFalse();
    }

    @Test
    void aDisputedReturnIsResolvedOnlyAfterAnotherPersonApproves() {
        assertThat(ReturnTransition.RESOLVE.allowedFrom(DISPUTED)).isFalse();
        assertThat(ReturnTransition.AWAIT_APPROVAL.allowedFrom(DISPUTED)).isFalse();
        assertThat(ReturnTransition.RESOLVE_DISPUTE.allowedFrom(DISPUTED)).isTrue();
    }

    @Test
    void aReturnWhoseParcelArrivedCanNoLongerExpire() {
        assertThat(ReturnTransition.EXPIRE.allowedFrom(RECEIVED)).isFalse();
        assertThat(ReturnTransition.EXPIRE.allowedFrom(INSPECTED)).isFalse();
    }

    @Test
    void rejectedExpiredClosedAndCancelledReturnsNeverMoveAgain() {
        Set<ReturnStatus> terminal = EnumSet.of(REJECTED, EXPIRED, CLOSED, CANCELLED);
        for (ReturnStatus status : terminal) {
            assertThat(Arrays.stream(ReturnTransition.values()).filter(t -> t.allowedFrom(status)))
                    .as("changes from %s", status).isEmpty();
        }
    }

    /** A return starts REQUESTED; nothing cancels a return yet, so CANCELLED has no way in. */
    @Test
    void everyStatusButRequestedAndCancelledIsReachedByATransition() {
        Set<ReturnStatus> reached = EnumSet.noneOf(ReturnStatus.class);
        Arrays.stream(ReturnTransition.values()).map(ReturnTransition::to).forEach(reached::add);

        assertThat(EnumSet.complementOf(EnumSet.copyOf(reached))).containsExactlyInAnyOrder(REQUESTED, CANCELLED);
    }
}
