package org.openreturns.ai.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a return's risk of abuse from its customer's history ({@link RiskFacts}). Each signal adds points that grow
 * with its strength up to its own ceiling, and the score is their sum, capped at 100: every point can be traced to
 * a signal a person can check, and no single ordinary fact (a quick return, a shared address) comes near the
 * review threshold of 80 on its own. Strong evidence of abuse (a swapped serial, an empty parcel, repeated
 * wardrobing) weighs most; volume signals need a minimum volume so a customer's first returns stay quiet.
 *
 * <p>The weights were set by hand against the synthetic histories of {@code RiskHistoryGenerator} (five kinds of
 * abuse among customers with normal noise); docs/ai.md explains each signal and docs/benchmarks.md the figures.
 */
public final class ReturnRiskScorer {

    /** How many signals the score shows, strongest first. */
    public static final int TOP_SIGNALS = 3;
    /** Below this many units in 90 days a return rate says nothing. */
    static final int MINIMUM_UNITS_FOR_A_RATE = 4;

    private ReturnRiskScorer() {
    }

    public static RiskScore score(RiskFacts facts) {
        List<Signal> signals = signals(facts);
        double total = signals.stream().mapToDouble(Signal::points).sum();
        List<String> top = signals.stream().filter(signal -> signal.points() >= 1)
                .sorted(Comparator.comparingDouble(Signal::points).reversed())
                .limit(TOP_SIGNALS).map(Signal::words).toList();
        return new RiskScore((int) Math.min(100, Math.round(total)), top);
    }

    /** A signal's contribution to the score, and what it means in words. */
    record Signal(double points, String words) {
    }

    static List<Signal> signals(RiskFacts facts) {
        List<Signal> signals = new ArrayList<>();
        int units = Math.max(facts.unitsDelivered90(), facts.unitsReturned90());
        if (units >= MINIMUM_UNITS_FOR_A_RATE) {
            double rate = (double) facts.unitsReturned90() / units;
            signals.add(new Signal(25 * ramp(rate, 0.5, 0.9), "returned " + Math.round(rate * 100) + "% of the "
                    + units + " units delivered in 90 days"));
        }
        signals.add(new Signal(30 * ramp(facts.earlierReturns90(), 2, 12),
                facts.earlierReturns90() + " earlier returns in 90 days"));
        signals.add(new Signal(10 * ramp(facts.valueReturned90(), 800, 3000),
                Math.round(facts.valueReturned90()) + " returned in 90 days (major units)"));
        if (facts.daysFromDelivery() != null && facts.daysFromDelivery() <= 1) {
            signals.add(new Signal(5, "requested " + facts.daysFromDelivery() + " day(s) after delivery"));
        }
        // One worn item can be an honest mistake; a habit is not.
        signals.add(new Signal(facts.wardrobingReturns() == 0 ? 0 : Math.min(60, 15 + 25 * (facts.wardrobingReturns() - 1)),
                facts.wardrobingReturns()
                + " apparel return(s) used within 14 days of delivery (wardrobing)"));
        signals.add(new Signal(Math.min(50, 35 * facts.serialMismatches()), facts.serialMismatches()
                + " earlier returned unit(s) whose SKU or serial did not match the sale"));
        signals.add(new Signal(Math.min(50, 35 * facts.emptyOrUnderweightParcels()),
                facts.emptyOrUnderweightParcels() + " earlier parcel(s) empty or under half their expected weight"));
        signals.add(new Signal(Math.min(30, 12 * Math.max(0, facts.highValueReturns90() - 1)),
                facts.highValueReturns90() + " high-value returns in 90 days"));
        if (facts.linkedCustomers() > 0) {
            // A household shares an address; three or more accounts sharing one, with their returns, look like a ring.
            signals.add(new Signal(Math.min(50, 12 * facts.linkedCustomers() + 3 * facts.linkedReturns90()),
                    facts.linkedCustomers()
                    + " other customer(s) share the address, phone or e-mail pattern, with "
                    + facts.linkedReturns90() + " returns in 90 days"));
        }
        return signals;
    }

    /** 0 at or below {@code from}, 1 at or above {@code to}, linear in between. */
    private static double ramp(double value, double from, double to) {
        return Math.max(0, Math.min(1, (value - from) / (to - from)));
    }
}
