package org.openreturns.ai.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * Decides whether a scope's return rate or a reason's share rose significantly above its own history.
 *
 * <ul>
 *   <li>Return rate: the returned units of the window are a Poisson count whose mean is what the baseline rate
 *       expects for the units sold; the test is its exact upper tail, P(X &gt;= returned).</li>
 *   <li>Reason share: a reason's units among the window's returned units are a binomial count with the reason's
 *       baseline share; the test is its exact upper tail. Baseline shares are smoothed (one unit per reason code) so
 *       a reason never seen before is not infinitely surprising.</li>
 * </ul>
 * Exact tails, not the normal approximation: with a handful of returns the approximation cries wolf. An alert needs
 * a one-sided p-value below {@link #ALERT_P_VALUE} (strict, because every scope and reason is tested every week: a
 * thousand tests a week give about one false alarm in ten weeks), a minimum volume ({@link #MINIMUM_RETURNED_UNITS}
 * returned units in the window) and a relative rise of at least half, so that small numbers and tiny but
 * "significant" drifts on big volumes stay quiet. The z-scores are reported to show how far out a value is.
 */
public final class QualitySignalDetector {

    static final double ALERT_P_VALUE = 1e-4;
    static final int MINIMUM_RETURNED_UNITS = 5;
    static final double MINIMUM_RISE = 1.5;
    private static final int REASON_CODES = 10;
    private static final int TOP_REASONS = 3;

    public static final String RETURN_RATE = "RETURN_RATE";
    public static final String REASON_SHARE = "REASON_SHARE";

    private QualitySignalDetector() {
    }

    /** P(X &gt;= observed) for a Poisson count with the mean given. */
    private static double poissonUpperTail(int observed, double mean) {
        return 1 - new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).cumulativeProbability(observed - 1);
    }

    public static ProductSignal signal(ScopeCounts counts) {
        double rate = counts.soldNow() == 0 ? 0 : (double) counts.returnedNow() / counts.soldNow();
        // Half a unit on top of a quiet baseline: a product never returned before is not certain never to be.
        double baselineRate = (counts.returnedBefore() + 0.5) / (counts.soldBefore() + 1.0);
        double expected = baselineRate * counts.soldNow();
        double rateZ = (counts.returnedNow() - expected) / Math.sqrt(Math.max(expected, 1.0));
        List<ProductSignal.Alert> alerts = new ArrayList<>();
        if (counts.returnedNow() >= MINIMUM_RETURNED_UNITS && rate >= MINIMUM_RISE * baselineRate) {
            double p = poissonUpperTail(counts.returnedNow(), expected);
            if (p < ALERT_P_VALUE) {
                alerts.add(new ProductSignal.Alert(RETURN_RATE, "", rateZ, p, String.format(Locale.ROOT,
                        "%s %s: %d of %d units sold were returned (%.1f%%), its baseline is %.1f%% (%.1f expected); "
                                + "z = %.1f, p = %.1e", counts.scope(), counts.key(), counts.returnedNow(),
                        counts.soldNow(), 100 * rate, 100 * baselineRate, expected, rateZ, p)));
            }
        }
        int n = counts.reasonsNow().values().stream().mapToInt(Integer::intValue).sum();
        int baselineN = counts.reasonsBefore().values().stream().mapToInt(Integer::intValue).sum();
        List<ProductSignal.Reason> reasons = new ArrayList<>();
        for (var reason : counts.reasonsNow().entrySet()) {
            int units = reason.getValue();
            double baselineShare = (counts.reasonsBefore().getOrDefault(reason.getKey(), 0) + 1.0)
                    / (baselineN + REASON_CODES);
            double z = (units - n * baselineShare) / Math.sqrt(n * baselineShare * (1 - baselineShare));
            double share = (double) units / n;
            reasons.add(new ProductSignal.Reason(reason.getKey(), units, share, baselineShare, z));
            if (units >= MINIMUM_RETURNED_UNITS && share >= MINIMUM_RISE * baselineShare) {
                double p = 1 - new BinomialDistribution(null, n, baselineShare).cumulativeProbability(units - 1);
                if (p < ALERT_P_VALUE) {
                    alerts.add(new ProductSignal.Alert(REASON_SHARE, reason.getKey(), z, p, String.format(
                            Locale.ROOT, "%s %s: %s is %d of %d returned units (%.0f%%), its baseline share is "
                                    + "%.0f%%; z = %.1f, p = %.1e", counts.scope(), counts.key(), reason.getKey(),
                            units, n, 100 * share, 100 * baselineShare, z, p)));
                }
            }
        }
        reasons.sort(Comparator.comparingInt(ProductSignal.Reason::units).reversed()
                .thenComparing(ProductSignal.Reason::reasonCode));
        return new ProductSignal(counts.scope(), counts.key(), counts.soldNow(), counts.returnedNow(), rate,
                baselineRate, rateZ, reasons.subList(0, Math.min(TOP_REASONS, reasons.size())), counts.gradesNow(),
                alerts);
    }
}
