package org.openreturns.availability;

import java.time.OffsetDateTime;

/**
 * The delivery of figures to one channel, as {@code GET /api/channels/{code}/availability-outbox} shows it.
 *
 * @param publishing             whether the channel has an availability endpoint at all
 * @param pending                SKUs whose latest figure the channel has not received yet
 * @param oldestPendingSince     since when the channel has been behind on the SKU it is behind on longest
 * @param oldestPendingAgeSeconds how long that is, in seconds (0 when nothing is pending)
 * @param retrying               pending SKUs whose last attempt failed
 * @param pausedUntil            the channel looked down (no answer, 5xx, 429): nothing is sent to it before then
 * @param consecutiveFailures    failed deliveries since the last one that succeeded
 * @param lastError              what the last failure was, and when
 * @param lastDeliveredAt        when the channel last accepted a figure, and which
 */
public record OutboxState(String channel, boolean publishing, long pending, OffsetDateTime oldestPendingSince,
                          long oldestPendingAgeSeconds, long retrying, OffsetDateTime pausedUntil,
                          int consecutiveFailures, String lastError, OffsetDateTime lastErrorAt,
                          OffsetDateTime lastDeliveredAt, String lastDeliveredSku, Long lastDeliveredSequence) {
}
