package org.openreturns.ai.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each signal of the return-risk score on its own, against an ordinary customer who scores nothing. */
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
        RiskScore score = ReturnRiskScorer.score(with(8, 8, 0));
        assertThat(score.score()).isEqualTo(25);
        assertThat(score.topSignals()).containsExactly("returned 100% of the 8 units delivered in 90 days");
    }

    @Test
    void aReturnRateSaysNothingBelowTheMinimumVolume() {
        assertThat(ReturnRiskScorer.score(with(2, 2, 0)).score()).isZero();
    }

    @Test
    void manyEarlierReturnsCount() {
        assertThat(ReturnRiskScorer.score(with(40, 9, 8)).topSignals()).contains("8 earlier returns in 90 days");
        assertThat(ReturnRiskScorer.score(with(40, 13, 12)).score()).isEqualTo(30);
        assertThat(ReturnRiskScorer.score(with(40, 3, 2)).score()).as("two earlier returns are ordinary").isZero();
    }

    @Test
    void valueReturnedCounts() {
        RiskScore score = ReturnRiskScorer.score(new RiskFacts(60, 3, 0, 3000, 10, 0, 0, 0, 0, 0, 0));
        assertThat(score.score()).isEqualTo(10);
        assertThat(score.topSignals()).containsExactly("3000 returned in 90 days (major units)");
    }

    @Test
    void aRequestRightAfterDeliveryCountsALittle() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 1, 0, 0, 0, 0, 0, 0)).score()).isEqualTo(5);
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, null, 0, 0, 0, 0, 0, 0)).score())
                .as("not delivered: the eligibility table handles it").isZero();
    }

    @Test
    void wardrobingCountsLittleOnceAndMuchAsAHabit() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 1, 0, 0, 0, 0, 0)).score()).isEqualTo(15);
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 2, 0, 0, 0, 0, 0)).score()).isEqualTo(40);
        RiskScore repeated = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 5, 0, 0, 0, 0, 0));
        assertThat(repeated.score()).isEqualTo(60);
        assertThat(repeated.topSignals()).containsExactly(
                "5 apparel return(s) used within 14 days of delivery (wardrobing)");
    }

    @Test
    void pastSerialMismatchesWeighHeavily() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 1, 0, 0, 0, 0)).score()).isEqualTo(35);
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 3, 0, 0, 0, 0)).score()).isEqualTo(50);
    }

    @Test
    void emptyOrUnderweightParcelsWeighHeavily() {
        RiskScore score = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 1, 0, 0, 0));
        assertThat(score.score()).isEqualTo(35);
        assertThat(score.topSignals()).containsExactly(
                "1 earlier parcel(s) empty or under half their expected weight");
    }

    @Test
    void repeatedHighValueReturnsCount() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 1, 0, 0)).score())
                .as("one high-value return is ordinary").isZero();
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 3, 0, 0)).score()).isEqualTo(24);
    }

    @Test
    void linkedAccountsCountWithTheirReturnsButNeverReachAReviewAlone() {
        assertThat(ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 0, 1, 0)).score())
                .as("a household sharing an address").isEqualTo(12);
        RiskScore ring = ReturnRiskScorer.score(new RiskFacts(6, 1, 0, 49.90, 10, 0, 0, 0, 0, 4, 100));
        assertThat(ring.score()).isEqualTo(50);
        assertThat(ring.topSignals()).containsExactly(
                "4 other customer(s) share the address, phone or e-mail pattern, with 100 returns in 90 days");
    }

    @Test
    void theScoreIsCappedAtOneHundredAndShowsTheThreeStrongestSignals() {
        RiskScore score = ReturnRiskScorer.score(new RiskFacts(10, 10, 9, 5000, 0, 3, 2, 2, 4, 3, 20));
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.topSignals()).hasSize(3).first().asString().contains("wardrobing");
    }

    private static RiskFacts with(int delivered, int returned, int earlierReturns) {
        return new RiskFacts(delivered, returned, earlierReturns, 49.90, 10, 0, 0, 0, 0, 0, 0);
    }
}
