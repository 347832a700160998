package org.openreturns.privacy;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the erasure of personal data (docs/configuration.md).
 *
 * @param retention      how long a customer's personal data is kept after the last thing that happened with them (an
 *                       order, a return's last status change); {@code P0D} keeps it until it is erased on request
 * @param checkInterval  how often the retention job looks for customers whose data is due
 */
@ConfigurationProperties("returns.privacy")
record PrivacyProperties(@DefaultValue("P3Y") Period retention,
                         @DefaultValue("PT1H") Duration checkInterval) {

    boolean retentionEnabled() {
        return !retention.isZero();
    }
}
