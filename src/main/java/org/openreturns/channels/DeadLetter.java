package org.openreturns.channels;

import java.time.OffsetDateTime;

/** A channel message that could not be taken, with why, how often it failed and how it was settled. */
public record DeadLetter(long id, String channel, String messageType, String messageId, String payload,
                         String reason, DeadLetterStatus status, int attempts, OffsetDateTime firstFailedAt,
                         OffsetDateTime lastFailedAt, OffsetDateTime resolvedAt, String resolvedBy,
                         String resolutionNote) {

    ChannelMessage message() {
        return new ChannelMessage(channel, messageType, messageId, payload);
    }
}
