package org.openreturns.returns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configurable parts of the return lifecycle that are not rules of the decision tables: the SLA of each stage, how
 * long a parcel may take, and when a return needs an approval (defaults in docs/configuration.md). The timers of the
 * model read their durations from process variables set from here, so they change without editing the model.
 *
 * @param reviewSla                    a manual review waiting longer is escalated to the managers
 * @param inspectionSla                an inspection not done this long after the receipt is escalated
 * @param refundSla                    an approval or dispute holding the refund this long is escalated
 * @param parcelExpiry                 a return whose parcel does not arrive (or is not seen by the carrier) within
 *                                     this period after its authorization or last carrier event expires
 * @param highValueThreshold           unit price (major units) at or above which a return needs an approval,
 *                                     unless the product sets its own threshold
 * @param refundApprovalLimit          a return refunding more than this (major units) needs an approval
 * @param liquidationRecoveryPercent   what a liquidated unit is expected to fetch, as a share of its cost: its net
 *                                     realisable value
 */
@ConfigurationProperties("returns.lifecycle")
public record LifecyclePolicy(Duration reviewSla, Duration inspectionSla, Duration refundSla, Period parcelExpiry,
                              BigDecimal highValueThreshold, BigDecimal refundApprovalLimit,
                              int liquidationRecoveryPercent) {
}
