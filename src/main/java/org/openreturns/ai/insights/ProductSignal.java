package org.openreturns.ai.insights;

import java.util.List;
import java.util.Map;

/**
 * The quality signals of one scope over a window: its return rate against its own baseline, its top reasons with
 * their shares against the baseline shares, its inspection grades, and the alerts it raises (empty when none).
 *
 * @param rateZ z-score of the returned units against what the baseline rate expects for the units sold (Poisson)
 */
public record ProductSignal(ScopeCounts.Scope scope, String key, int unitsSold, int unitsReturned, double returnRate,
                            double baselineRate, double rateZ, List<Reason> topReasons, Map<String, Integer> grades,
                            List<Alert> alerts) {

    /** @param z z-score of the reason's count among the window's returns against its baseline share (binomial) */
    public record Reason(String reasonCode, int units, double share, double baselineShare, double z) {
    }

    /**
     * @param reasonCode the reason whose share rose; empty for a return-rate alert
     * @param pValue     the one-sided p-value of the exact test
     */
    public record Alert(String kind, String reasonCode, double z, double pValue, String evidence) {
    }
}
