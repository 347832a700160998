package org.openreturns.notifications;

import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.CUSTOMER_NOTIFICATION;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells customers what happened to their return. Each kind of message is sent once per return, to the e-mail of the
 * order's customer, recorded with the return and handed to the {@link NotificationSender}.
 *
 * <p>The sender gets the notification only once the step that sent it has committed: a step that rolls back (and is
 * delivered again) must neither tell the customer about something that did not happen nor tell them twice. A sender
 * that fails after the commit leaves the notification recorded but unsent; a real channel belongs behind an outbox
 * that retries.
 */
@Service
public class CustomerNotifications {

    private final DSLContext db;
    private final NotificationSender sender;
    private final Clock clock;

    CustomerNotifications(DSLContext db, NotificationSender sender, Clock clock) {
        this.db = db;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Records the message and sends it after the commit, unless this kind was sent for the return before (a
     * repeated step).
     */
    @Transactional
    public void send(UUID returnId, NotificationType type, String message) {
        String recipient = db.select(CUSTOMER.EMAIL).from(RETURN_REQUEST)
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .where(RETURN_REQUEST.ID.eq(returnId)).fetchOptional(CUSTOMER.EMAIL)
                .orElseThrow(() -> new NotFoundException("returnId", "No return " + returnId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        int recorded = db.insertInto(CUSTOMER_NOTIFICATION)
                .set(CUSTOMER_NOTIFICATION.RETURN_ID, returnId)
                .set(CUSTOMER_NOTIFICATION.TYPE, type.name())
                .set(CUSTOMER_NOTIFICATION.RECIPIENT, recipient)
                .set(CUSTOMER_NOTIFICATION.MESSAGE, message)
                .set(CUSTOMER_NOTIFICATION.SENT_AT, now)
                .onConflictDoNothing()
                .execute();
        if (recorded == 1) {
            CustomerNotification notification = new CustomerNotification(returnId, type, recipient, message, now);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.send(notification);
                }
            });
        }
    }

    /** What the customer was told about the return, oldest first. */
    @Transactional(readOnly = true)
    public List<CustomerNotification> sentFor(UUID returnId) {
        return db.selectFrom(CUSTOMER_NOTIFICATION).where(CUSTOMER_NOTIFICATION.RETURN_ID.eq(returnId))
                .orderBy(CUSTOMER_NOTIFICATION.ID)
                .fetch(row -> new CustomerNotification(row.getReturnId(), NotificationType.valueOf(row.getType()),
                        row.getRecipient(), row.getMessage(), row.getSentAt()));
    }
}
