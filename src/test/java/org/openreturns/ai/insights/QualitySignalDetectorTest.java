package org.openreturns.ai.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.openreturns.ai.insights.ScopeCounts.Scope;

/**
 * Planted trends among noisy SKUs (fixed seed): a week of sales and returns against the twelve weeks before, for
 * 400 SKUs whose rates and reason mixes stay what they were, plus one whose packaging-damage share jumps and one
 * whose return rate triples. The alerts name exactly the two planted SKUs.
 */
class QualitySignalDetectorTest {

    private static final List<String> REASONS = List.of("SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "CHANGED_MIND",
            "DAMAGED_IN_TRANSIT", "DEFECTIVE", "NOT_AS_DESCRIBED");
    private static final double[] USUAL_MIX = {0.3, 0.25, 0.2, 0.05, 0.1, 0.1};

    private final RandomGenerator random = new MersenneTwister(13);

    @Test
    void alertsFireForThePlantedSkusAndStayQuietOnNoise() {
        List<ScopeCounts> skus = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double weeklySales = 5 + random.nextDouble() * 80;
            double rate = 0.05 + random.nextDouble() * 0.25;
            skus.add(sku("SKU-" + i, weeklySales, rate, rate, USUAL_MIX));
        }
        // Packaging damage goes from 5% to half of the returns; the other's return rate triples.
        skus.add(sku("PLANTED-PACKAGING", 120, 0.15, 0.2, new double[]{0.15, 0.1, 0.1, 0.5, 0.05, 0.1}));
        skus.add(sku("PLANTED-RATE", 80, 0.10, 0.30, USUAL_MIX));

        List<String> alerted = skus.stream().map(QualitySignalDetector::signal)
                .filter(signal -> !signal.alerts().isEmpty()).map(ProductSignal::key).toList();

        assertThat(alerted).containsExactlyInAnyOrder("PLANTED-PACKAGING", "PLANTED-RATE");
    }

    @Test
    void theEvidenceSaysWhatRoseAndByHowMuch() {
        ProductSignal signal = QualitySignalDetector.signal(new ScopeCounts(Scope.SKU, "BOX-1", 100, 12, 1200, 120,
                Map.of("DAMAGED_IN_TRANSIT", 9, "SIZE_TOO_SMALL", 3), Map.of("DAMAGED_IN_TRANSIT", 6,
                "SIZE_TOO_SMALL", 114), Map.of("C", 4)));

        assertThat(signal.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(QualitySignalDetector.REASON_SHARE);
            assertThat(alert.reasonCode()).isEqualTo("DAMAGED_IN_TRANSIT");
            assertThat(alert.evidence()).startsWith("SKU BOX-1: DAMAGED_IN_TRANSIT is 9 of 12 returned units (75%)");
        });
        assertThat(signal.topReasons()).extracting(ProductSignal.Reason::reasonCode)
                .containsExactly("DAMAGED_IN_TRANSIT", "SIZE_TOO_SMALL");
    }

    @Test
    void aFewReturnsOfARarelySoldProductStayQuiet() {
        ProductSignal signal = QualitySignalDetector.signal(new ScopeCounts(Scope.SKU, "RARE-1", 3, 3, 10, 0,
                Map.of("DEFECTIVE", 3), Map.of(), Map.of()));
        assertThat(signal.alerts()).as("below the minimum volume").isEmpty();
    }

    /** Twelve baseline weeks at {@code rateBefore} with the usual reason mix, then one week at {@code rateNow}. */
    private ScopeCounts sku(String key, double weeklySales, double rateBefore, double rateNow, double[] mixNow) {
        int soldBefore = poisson(12 * weeklySales);
        int soldNow = poisson(weeklySales);
        Map<String, Integer> before = reasons(binomial(soldBefore, rateBefore), USUAL_MIX);
        Map<String, Integer> now = reasons(binomial(soldNow, rateNow), mixNow);
        return new ScopeCounts(Scope.SKU, key, soldNow, total(now), soldBefore, total(before), now, before, Map.of());
    }

    private Map<String, Integer> reasons(int returned, double[] mix) {
        Map<String, Integer> byReason = new HashMap<>();
        for (int unit = 0; unit < returned; unit++) {
            double roll = random.nextDouble();
            int reason = 0;
            while (reason < mix.length - 1 && roll >= mix[reason]) {
                roll -= mix[reason];
                reason++;
            }
            byReason.merge(REASONS.get(reason), 1, Integer::sum);
        }
        return byReason;
    }

    private static int total(Map<String, Integer> byReason) {
        return byReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    private int poisson(double mean) {
        return new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }

    private int binomial(int trials, double p) {
        return trials == 0 ? 0 : new BinomialDistribution(random, trials, p).sample();
    }
}
