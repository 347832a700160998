package org.openreturns.ai.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The return-risk score on synthetic histories with planted abusers (fixed seed): the planted ones rank on top and
 * ordinary customers are rarely sent to a review. The larger run with the figures is RiskScoringBenchmark.
 */
class RiskScoreQualityTest {

    @Test
    void plantedAbusersRankAboveOrdinaryCustomers() {
        RiskScoreEvaluation evaluation = RiskScoreEvaluation.of(new RiskHistoryGenerator(13).generate(1_000, 10));
        System.out.println(evaluation.describe());

        assertThat(evaluation.precisionAtK()).as(evaluation.describe()).isGreaterThanOrEqualTo(0.8);
        assertThat(evaluation.falsePositiveRate()).as(evaluation.describe()).isLessThan(0.02);
    }
}
