package org.openreturns.ai.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each signal of the return-risk score on its own, against an ordinary customer who scores nothing. The weights are
 * fitted (RiskWeightFitting), so the tests hold the rules each signal follows, not its exact points.
 */
class ReturnRiskScorerTest {

    /** Six units delivered in 90 days, this return of one of them ten days after delivery, nothing else. */
    private static final RiskFacts ORDINARY = new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 0, 0, 0);

    @Test
    void anOrdinaryCustomerScoresZeroWithNoSignal() {
        assertThat(ReturnRiskScorer.score(ORDINARY)).isEqualTo(new RiskScore(0, List.of()));
        assertThat(ReturnRiskScorer.score(ORDINARY).signalsInWords()).isEqualTo("No risk signal");
    }

    @Test
    void returningMostOfWhatWasDeliveredCounts() {
        RiskScore score = ReturnRiskScorer.score(with(12, 12, 0));
        assertThat(score.score()).isPositive();
        assertThat(score.topSignals()).containsExactly("returned 100% of the 12 units delivered in 90 days");
        assertThat(ReturnRiskScorer.score(with(12, 12, 0)).score())
                .as("the rate is a continuous value: 12 of 12 above 10 of 12")
                .isGreaterThan(ReturnRiskScorer.score(with(12, 10, 0)).score());
    }

    @Test
    void aRateFromFewUnitsIsShrunkTowardsThePopulationRate() {
        assertThat(ReturnRiskScorer.returnRateSurprise(2, 2))
                .as("2 of 2 says less than 12 of 12").isLessThan(ReturnRiskScorer.returnRateSurprise(12, 12) / 4);
        assertThat(ReturnRiskScorer.score(with(2, 2, 0)).score()).isLessThan(10);
        assertThat(ReturnRiskScorer.returnRateSurprise(4, 10)).as("at the population rate").isCloseTo(0, within(1e-9));
        assertThat(ReturnRiskScorer.returnRateSurprise(1, 10)).as("below it").isZero();
    }

    @Test
    void manyEarlierReturnsCount() {
        assertThat(ReturnRiskScorer.score(with(40, 13, 12)).topSignals()).contains("12 earlier returns in 90 days");
        assertThat(ReturnRiskScorer.score(with(40, 13, 12)).score())
                .isGreaterThan(ReturnRiskScorer.score(with(40, 3, 2)).score());
        assertThat(ReturnRiskScorer.score(with(40, 1, 0)).score()).isZero();
    }

    @Test
    void valueReturnedCountsFromFiveHundredWithItsHighValueReturnsInWords() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(60, 3, 0, 500, 10, 0, 0, 0, 0, 0, 0)).score()).isZero();
        RiskScore score = ReturnRiskScorer.score(new RiskFacts(60, 3, 0, 3000, 10, 0, 0, 0, 2, 0, 0));
        assertThat(score.score()).isPositive();
        assertThat(score.topSignals())
                .containsExactly("3000 returned in 90 days (major units), 2 return(s) with a high-value unit");
    }

    @Test
    void aRequestRightAfterDeliveryCountsALittleAndLessWithEachDay() {
        int sameDay = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 0, 0, 0, 0, 0, 0, 0)).score();
        int nextDay = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 1, 0, 0, 0, 0, 0, 0)).score();
        assertThat(sameDay).isBetween(1, 10);
        assertThat(nextDay).isLessThan(sameDay);
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 7, 0, 0, 0, 0, 0, 0)).score()).isZero();
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, null, 0, 0, 0, 0, 0, 0)).score())
                .as("not delivered: the eligibility table handles it").isZero();
    }

    @Test
    void wardrobingCountsLittleOnceAndMuchAsAHabit() {
        int once = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 1, 0, 0, 0, 0, 0)).score();
        int twice = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 2, 0, 0, 0, 0, 0)).score();
        RiskScore habit = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 4, 0, 0, 0, 0, 0));
        assertThat(once).isPositive().isLessThan(twice);
        assertThat(twice).isLessThan(habit.score());
        assertThat(habit.score()).isGreaterThanOrEqualTo(80);
        assertThat(habit.topSignals()).containsExactly(
                "4 apparel return(s) used within 14 days of delivery (wardrobing)");
    }

    @Test
    void oneIncidentWeighsLessAmongManyReturns() {
        int oneOfOne = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 1, 0, 0, 0)).score();
        int oneOfNine = ReturnRiskScorer.score(new RiskFacts(40, 9, 8, 49.90, 10, 0, 0, 1, 0, 0, 0)).score();
        int earlierReturnsAlone = ReturnRiskScorer.score(new RiskFacts(40, 9, 8, 49.90, 10, 0, 0, 0, 0, 0, 0)).score();
        assertThat(oneOfNine - earlierReturnsAlone).isLessThan(oneOfOne / 2);
        assertThat(ReturnRiskScorer.perReturns(3, new RiskFacts(40, 9, 8, 49.90, 10, 0, 0, 0, 0, 0, 0))).isEqualTo(1);
    }

    @Test
    void pastSerialMismatchesWeighHeavily() {
        int one = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 1, 0, 0, 0, 0)).score();
        assertThat(one).isBetween(40, 79);
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 2, 0, 0, 0, 0)).score()).isEqualTo(100);
    }

    @Test
    void emptyOrUnderweightParcelsWeighHeavily() {
        RiskScore score = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 1, 0, 0, 0));
        assertThat(score.score()).isBetween(40, 79);
        assertThat(score.topSignals()).containsExactly(
                "1 earlier parcel(s) empty or under half their expected weight");
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 2, 0, 0, 0)).score())
                .isGreaterThanOrEqualTo(80);
    }

    @Test
    void moreLinkedAccountsThanAHouseholdWeighMuchButNeverReachAReviewAlone() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 0, 1, 5)).score())
                .as("a household sharing an address").isZero();
        RiskScore ring = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 0, 4, 100));
        assertThat(ring.score()).isBetween(50, 79);
        assertThat(ring.topSignals()).containsExactly(
                "4 other customer(s) share the address, phone or e-mail pattern, with 100 returns in 90 days");
    }

    @Test
    void noSingleOrdinaryFactReachesAReviewOnItsOwn() {
        List<RiskFacts> singleFacts = List.of(
                new RiskFacts(6, 1, 0, 49.90, 0, 0, 0, 0, 0, 0, 0),
                new RiskFacts(6, 1, 0, 49.90, 10, 1, 0, 0, 0, 0, 0),
                new RiskFacts(6, 1, 0, 49.90, 10, 0, 1, 0, 0, 0, 0),
                new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 1, 0, 0, 0),
                new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 0, 3, 30),
                new RiskFacts(6, 1, 0, 2000, 10, 0, 0, 0, 3, 0, 0),
                with(8, 8, 0));
        for (RiskFacts facts : singleFacts) {
            assertThat(ReturnRiskScorer.score(facts).score()).as(facts.toString()).isLessThan(80);
        }
    }

    @Test
    void theScoreIsCappedAtOneHundredAndShowsTheThreeStrongestSignals() {
        RiskScore score = ReturnRiskScorer.score(new RiskFacts(10, 10, 0, 5000, 0, 3, 2, 2, 4, 3, 20));
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.topSignals()).hasSize(3).first().asString().contains("SKU or serial");
    }

    private static RiskFacts with(int delivered, int returned, int earlierReturns) {
        return new RiskFacts(delivered, returned, earlierReturns, 49.90, 10, 0, 0, 0, 0, 0, 0);
    }
}
