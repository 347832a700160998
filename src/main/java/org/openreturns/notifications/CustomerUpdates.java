package org.openreturns.notifications;

import static org.openreturns.db.Tables.RETURN_AUTHORIZATION;

import java.util.Currency;
import java.util.List;

import org.jooq.DSLContext;
import org.openreturns.refunds.RefundService;
import org.openreturns.refunds.RefundView;
import org.openreturns.returns.ReturnStatusChanged;
import org.openreturns.system.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides what the customer is told when their return reaches a status they care about, and in which words. It
 * listens to the lifecycle's status changes instead of being called by each step, and runs just before the step
 * commits: the message is recorded with the change or not at all (the sender gets it only after the commit, see
 * {@link CustomerNotifications}).
 */
@Component
class CustomerUpdates {

    private final CustomerNotifications notifications;
    private final RefundService refunds;
    private final DSLContext db;

    CustomerUpdates(CustomerNotifications notifications, RefundService refunds, DSLContext db) {
        this.notifications = notifications;
        this.refunds = refunds;
        this.db = db;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ReturnStatusChanged change) {
        String yourReturn = "Your return " + change.rmaNumber();
        switch (change.to()) {
            case AUTHORIZED -> notifications.send(change.returnId(), NotificationType.RETURN_AUTHORIZED,
                    yourReturn + " is authorized. " + instructions(change));
            case REJECTED -> notifications.send(change.returnId(), NotificationType.RETURN_REJECTED,
                    yourReturn + " cannot be accepted: " + change.detail());
            case EXPIRED -> notifications.send(change.returnId(), NotificationType.RETURN_EXPIRED,
                    yourReturn + " has expired because no parcel reached us. You can request a new return.");
            case DISPUTED -> notifications.send(change.returnId(), NotificationType.RETURN_DISPUTED,
                    yourReturn + " needs a closer look by our team; we will contact you. No refund is paid until"
                            + " it is resolved.");
            case CLOSED -> notifications.send(change.returnId(), NotificationType.RETURN_CLOSED,
                    yourReturn + " is complete: " + outcome(change) + ".");
            default -> {
                // The other statuses are the warehouse's and quality's business; the customer sees them in the portal.
            }
        }
    }

    /** How to send the parcel, as the authorization wrote it for the label. */
    private String instructions(ReturnStatusChanged change) {
        return db.select(RETURN_AUTHORIZATION.INSTRUCTIONS).from(RETURN_AUTHORIZATION)
                .where(RETURN_AUTHORIZATION.RETURN_ID.eq(change.returnId()))
                .fetchOptional(RETURN_AUTHORIZATION.INSTRUCTIONS)
                .orElseThrow(() -> new IllegalStateException("Return " + change.returnId()
                        + " is authorized without instructions for the customer"));
    }

    /** What each line came to: the amount refunded, or the decision when no money is paid. */
    private String outcome(ReturnStatusChanged change) {
        List<RefundView> lines = refunds.refundsOf(change.returnId());
        return String.join("; ", lines.stream().map(refund -> refund.amountMinor() > 0
                ? Money.fromMinorUnits(refund.amountMinor(), Currency.getInstance(refund.currency())) + " "
                + refund.currency() + " refunded for line " + refund.lineNo()
                : "line " + refund.lineNo() + ": " + refund.decision()).toList());
    }
}
