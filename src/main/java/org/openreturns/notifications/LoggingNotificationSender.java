package org.openreturns.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes notifications to the log instead of sending them, until a real channel is connected. Every notification
 * is also recorded with the return, so nothing is lost meanwhile.
 */
@Component
class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public void send(CustomerNotification notification) {
        log.info("Notification {} to {} about return {}: {}", notification.type(), notification.recipient(),
                notification.returnId(), notification.message());
    }
}
