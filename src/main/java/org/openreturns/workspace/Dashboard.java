package org.openreturns.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of the dashboards for one period (days {@code from} to {@code to}, UTC, both included), in one currency,
 * optionally for one warehouse. Amounts are minor units of {@code currency}. Public, so that the page template can
 * call its methods.
 *
 * @param returnRates      per dimension (channel, sku, ...): what orders placed in the period sold, and what came
 *                         back of it (returns not rejected, expired or cancelled)
 * @param refundCycleP50Hours request to the last refund released, for returns refunded in the period; null without any
 * @param recoveredMinor   value back on the books from the period's dispositions (stock moves of returns, less
 *                         write-downs): restocked, sent to refurbishment or to the supplier, liquidated
 * @param refundedMinor    refunds released in the period
 * @param dispositionMix   units per disposition, for returns requested in the period
 * @param slaBreaches      escalations per stage in the period
 * @param quarantineMinor  value in quarantine now
 * @param weeks            per week (Monday) of the period: returns requested, units returned, refunds released
 */
public record Dashboard(LocalDate from, LocalDate to, String warehouse, String currency,
                 Map<String, List<RateRow>> returnRates, Double refundCycleP50Hours, Double refundCycleP90Hours,
                 long recoveredMinor, long refundedMinor, Map<String, Long> dispositionMix,
                 Map<String, Long> slaBreaches, long quarantineUnits, long quarantineMinor, List<Week> weeks) {

    /** The dimensions return rates are shown by, in the page's order. */
    static final List<String> DIMENSIONS = List.of("channel", "sku", "category", "supplier", "warehouse", "reason",
            "campaign");

    public record RateRow(String key, long soldUnits, long soldMinor, long returnedUnits, long returnedMinor) {

        /** Returned units per sold unit, 0 to 1; null when nothing was sold. */
        public Double unitRate() {
            return soldUnits == 0 ? null : (double) returnedUnits / soldUnits;
        }

        public Double valueRate() {
            return soldMinor == 0 ? null : (double) returnedMinor / soldMinor;
        }
    }

    public record Week(LocalDate monday, long returns, long returnedUnits, long refundedMinor) {
    }

    /** Value recovered per value refunded; null when nothing was refunded. */
    public Double recoveryRate() {
        return refundedMinor == 0 ? null : (double) recoveredMinor / refundedMinor;
    }
}
