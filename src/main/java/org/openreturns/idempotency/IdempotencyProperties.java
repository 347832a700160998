package org.openreturns.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code Idempotency-Key} header of the HTTP API.
 *
 * @param keepKeys         how long a key and its first response are kept; a repeat after this runs the work again
 * @param waitForRunning   how long a repeat waits for the first request with its key to finish before it is
 *                         answered 409
 * @param purgeInterval    how often keys older than {@code keepKeys} are deleted
 */
@ConfigurationProperties("returns.idempotency")
record IdempotencyProperties(@DefaultValue("PT24H") Duration keepKeys,
                             @DefaultValue("PT10S") Duration waitForRunning,
                             @DefaultValue("PT1H") Duration purgeInterval) {
}
