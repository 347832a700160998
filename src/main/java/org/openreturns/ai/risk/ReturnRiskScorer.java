package org.openreturns.ai.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a return's risk of abuse from its customer's history ({@link RiskFacts}). Each kind of {@link Evidence} has
 * a strength, 0 for what ordinary customers show, and adds its points per unit of strength; the score is
 * {@link #BASE_POINTS} plus their sum, kept within 0 to 100. Every point can be traced to a signal a person can
 * check, the three that add most are shown in words, and no single ordinary fact (a quick return, a shared address,
 * one worn item, one mismatch or one light parcel) reaches the review threshold of 80 on its own.
 *
 * <p>The score is a logistic regression: its points are the log-odds of abuse times {@link #POINTS_PER_LOG_ODDS}.
 * The weights, the base and the return-rate prior were fitted by {@code RiskWeightFitting} (tests) on synthetic
 * histories of {@code RiskHistoryGenerator} with seeds 101-105, which the evaluation (seeds 1-3 and 13) never uses;
 * a score of 80 is where the fitted odds of abuse are 19 to 1. docs/ai.md explains each signal and
 * docs/benchmarks.md the figures.
 */
public final class ReturnRiskScorer {

    /** How many signals the score shows, strongest first. */
    public static final int TOP_SIGNALS = 3;

    /** Points for one unit of log-odds: 10 keeps the scores of nearly alike customers apart. */
    static final double POINTS_PER_LOG_ODDS = 10;

    /**
     * The return rate of the customers who return something (units returned / units delivered in 90 days), and how
     * many units of it a customer's own rate is worth: a customer's rate is shrunk towards it (the mean and strength
     * of a beta prior, fitted by the method of moments), so 2 of 2 units returned says less than 12 of 12.
     */
    static final double POPULATION_RETURN_RATE = 0.40;
    static final double PRIOR_UNITS = 7;

    /** The score before any evidence (the fitted intercept, shifted so that 80 is at odds of 19 to 1). */
    static final double BASE_POINTS = -5.8;

    /** The kinds of evidence, with their fitted points per unit of strength. */
    enum Evidence {
        /**
         * How unlikely the units returned are at the population's rate: the binomial log-likelihood ratio of the
         * shrunk rate against the population's, 0 at or below it. It grows with both the rate and the volume.
         */
        RETURN_RATE(2.9),
        /** Natural log of (earlier returns in 90 days + 1). */
        RETURN_COUNT(4.7),
        /** Natural log of (value returned in 90 days / 500), 0 up to 500 major units. */
        VALUE_RETURNED(20.3),
        /** 1 for a request the day of delivery, falling to 0 at 7 days. */
        QUICK_REQUEST(7.2),
        /** Wardrobing returns in 180 days, {@linkplain #perReturns per returns}. */
        WARDROBING(36.2),
        /** Earlier serial mismatches, {@linkplain #perReturns per returns}. */
        SERIAL_MISMATCHES(59.2),
        /** Earlier empty or underweight parcels, {@linkplain #perReturns per returns}. */
        EMPTY_PARCELS(49.5),
        /** 1 when two or more other customers share the address, phone or e-mail pattern: more than a household. */
        LINKED_ACCOUNTS(69.0);

        final double pointsPerUnit;

        Evidence(double pointsPerUnit) {
            this.pointsPerUnit = pointsPerUnit;
        }
    }

    private ReturnRiskScorer() {
    }

    public static RiskScore score(RiskFacts facts) {
        List<Signal> signals = signals(facts);
        double total = BASE_POINTS + signals.stream().mapToDouble(Signal::points).sum();
        List<String> top = signals.stream().filter(signal -> signal.points() >= 1)
                .sorted(Comparator.comparingDouble(Signal::points).reversed())
                .limit(TOP_SIGNALS).map(Signal::words).toList();
        return new RiskScore((int) Math.max(0, Math.min(100, Math.round(total))), top);
    }

    /** One kind of evidence as strong as it is for this customer, and what it means in words. */
    record Signal(Evidence evidence, double strength, String words) {

        double points() {
            return evidence.pointsPerUnit * strength;
        }
    }

    /** The customer's evidence of each kind, in the order of {@link Evidence}. */
    static List<Signal> signals(RiskFacts facts) {
        List<Signal> signals = new ArrayList<>();
        int units = Math.max(facts.unitsDelivered90(), facts.unitsReturned90());
        double rate = units == 0 ? 0 : (double) facts.unitsReturned90() / units;
        signals.add(new Signal(Evidence.RETURN_RATE, returnRateSurprise(facts.unitsReturned90(), units),
                "returned " + Math.round(rate * 100) + "% of the " + units + " units delivered in 90 days"));
        signals.add(new Signal(Evidence.RETURN_COUNT, Math.log(facts.earlierReturns90() + 1),
                facts.earlierReturns90() + " earlier returns in 90 days"));
        signals.add(new Signal(Evidence.VALUE_RETURNED, Math.max(0, Math.log(facts.valueReturned90() / 500)),
                Math.round(facts.valueReturned90()) + " returned in 90 days (major units), "
                + facts.highValueReturns90() + " return(s) with a high-value unit"));
        signals.add(new Signal(Evidence.QUICK_REQUEST,
                facts.daysFromDelivery() == null ? 0 : Math.max(0, 1 - facts.daysFromDelivery() / 7.0),
                "requested " + facts.daysFromDelivery() + " day(s) after delivery"));
        signals.add(new Signal(Evidence.WARDROBING, perReturns(facts.wardrobingReturns(), facts),
                facts.wardrobingReturns() + " apparel return(s) used within 14 days of delivery (wardrobing)"));
        signals.add(new Signal(Evidence.SERIAL_MISMATCHES, perReturns(facts.serialMismatches(), facts),
                facts.serialMismatches() + " earlier returned unit(s) whose SKU or serial did not match the sale"));
        signals.add(new Signal(Evidence.EMPTY_PARCELS, perReturns(facts.emptyOrUnderweightParcels(), facts),
                facts.emptyOrUnderweightParcels() + " earlier parcel(s) empty or under half their expected weight"));
        signals.add(new Signal(Evidence.LINKED_ACCOUNTS, facts.linkedCustomers() >= 2 ? 1 : 0,
                facts.linkedCustomers() + " other customer(s) share the address, phone or e-mail pattern, with "
                + facts.linkedReturns90() + " returns in 90 days"));
        return signals;
    }

    /**
     * The binomial log-likelihood ratio of {@code returned} of {@code units} at the customer's shrunk rate against
     * the population's rate; 0 when the shrunk rate is not above the population's.
     */
    static double returnRateSurprise(int returned, int units) {
        double shrunkRate = (returned + PRIOR_UNITS * POPULATION_RETURN_RATE) / (units + PRIOR_UNITS);
        if (shrunkRate <= POPULATION_RETURN_RATE) {
            return 0;
        }
        return returned * Math.log(shrunkRate / POPULATION_RETURN_RATE)
                + (units - returned) * Math.log((1 - shrunkRate) / (1 - POPULATION_RETURN_RATE));
    }

    /**
     * Incidents among a customer's returns: their count divided by the square root of the returns in 90 days, so
     * one worn item or light parcel weighs less for a customer who returns often (1 of 1 is 1, 1 of 9 is 0.33)
     * while a habit still adds up (3 of 9 is 1).
     */
    static double perReturns(int incidents, RiskFacts facts) {
        return incidents / Math.sqrt(facts.earlierReturns90() + 1.0);
    }
}
