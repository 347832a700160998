package org.openreturns.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the personal data of customers once nothing of theirs is newer than {@code returns.privacy.retention} and no
 * return of theirs is in flight, recorded as erased by {@code system} for retention. Safe on several nodes at once:
 * each customer is erased in a transaction of its own that locks the customer's row and checks again that they are
 * due; a node skips the rows another node has locked ({@code for update skip locked}), and a customer erased
 * meanwhile is due no more.
 */
@Component
@EnableConfigurationProperties(PrivacyProperties.class)
@EnableScheduling
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Customers looked up at a time. */
    private static final int BATCH = 200;

    private final CustomerErasure erasure;
    private final PrivacyProperties settings;
    private final Clock clock;

    RetentionJob(CustomerErasure erasure, PrivacyProperties settings, Clock clock) {
        this.erasure = erasure;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many customers were erased */
    @Scheduled(fixedDelayString = "${returns.privacy.check-interval:PT1H}",
            initialDelayString = "${returns.privacy.check-interval:PT1H}")
    public int run() {
        if (!settings.retentionEnabled()) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(settings.retention());
        int erased = 0;
        int erasedInBatch;
        do {
            erasedInBatch = 0;
            for (String customerId : erasure.dueForRetention(cutoff, BATCH)) {
                // One customer per transaction: a customer whose erasure fails keeps the others from failing with it.
                try {
                    if (erasure.eraseIfDueForRetention(customerId, cutoff, settings.retention()).isPresent()) {
                        erasedInBatch++;
                    }
                } catch (RuntimeException e) {
                    log.error("Could not erase the personal data of customer {} for retention; the next run tries"
                            + " again", customerId, e);
                }
            }
            erased += erasedInBatch;
            // Customers that failed or that other nodes took stay in the next batch: stop when a batch erased none.
        } while (erasedInBatch > 0);
        if (erased > 0) {
            log.info("Erased the personal data of {} customers kept longer than {}", erased, settings.retention());
        }
        return erased;
    }
}
