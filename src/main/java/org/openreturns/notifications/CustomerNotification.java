package org.openreturns.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message to the customer about their return, as recorded and as handed to the sender. */
public record CustomerNotification(UUID returnId, NotificationType type, String recipient, String message,
                                   OffsetDateTime sentAt) {
}
