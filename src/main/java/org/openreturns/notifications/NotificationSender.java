package org.openreturns.notifications;

/** The channel that reaches the customer: e-mail, SMS, the shop's messaging. Adapters implement it. */
public interface NotificationSender {

    void send(CustomerNotification notification);
}
