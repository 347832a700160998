package org.openreturns.notifications;

/** What a customer is told about their return; each is sent at most once per return. */
public enum NotificationType {
    RETURN_AUTHORIZED, RETURN_REJECTED, RETURN_EXPIRED, RETURN_DISPUTED, RETURN_CLOSED
}
