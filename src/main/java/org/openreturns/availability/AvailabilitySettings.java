package org.openreturns.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the figures of the availability outbox are delivered to the channels (docs/channels.md, docs/configuration.md).
 *
 * @param enabled        false: this node delivers nothing (figures still go into the outbox, for other nodes)
 * @param pollInterval   the pause between two rounds of delivery when nothing was due
 * @param batchSize      figures claimed and sent at once, in parallel, per round
 * @param timeout        the longest a channel may take to connect and answer one delivery
 * @param backoffInitial the wait after a first failure; it doubles with every further failure
 * @param backoffMax     the longest wait between two attempts, however many failed
 */
@ConfigurationProperties("returns.availability.delivery")
public record AvailabilitySettings(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("PT1S") Duration pollInterval,
                                   @DefaultValue("50") int batchSize,
                                   @DefaultValue("PT5S") Duration timeout,
                                   @DefaultValue("PT1S") Duration backoffInitial,
                                   @DefaultValue("PT5M") Duration backoffMax) {

    /**
     * The wait before the next attempt after {@code failures} failures in a row: doubling, with ±20% jitter so that
     * nodes and rows do not retry in step, never longer than {@code backoffMax}.
     */
    Duration backoff(int failures, double random) {
        double exponential = backoffInitial.toMillis() * Math.pow(2, Math.min(Math.max(failures, 1) - 1, 30));
        double jittered = exponential * (0.8 + 0.4 * random);
        return Duration.ofMillis(Math.round(Math.min(jittered, backoffMax.toMillis())));
    }

    /**
     * How long a worker holds the figures it sends: longer than one delivery can take, so that no other node sends
     * the same row meanwhile; after a crash the rows are free again then.
     */
    Duration claimFor() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }
}
