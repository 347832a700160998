package org.openreturns.ai.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Synthetic customer histories for judging the return-risk score: thousands of ordinary customers with the noise
 * real ones have (size bracketing, households sharing an address, an odd worn item, a scale that misread, an honest
 * serial mix-up) and planted abusers of five kinds. Each customer's 180 days of orders and returns are simulated
 * day by day and counted into {@link RiskFacts} as of their latest return request, the way the application counts
 * its tables; a customer who requested no return is not scored.
 */
public final class RiskHistoryGenerator {

    /** The five kinds of abuse planted. */
    public enum AbuseKind {
        /** Buys much and returns nearly everything. */
        SERIAL_RETURNER,
        /** Wears clothes for an occasion and returns them within days. */
        WARDROBER,
        /** Sends back an empty or lighter parcel and claims the refund. */
        EMPTY_BOX,
        /** Returns a cheaper or broken unit in place of the serialized one bought. */
        SERIAL_SWAPPER,
        /** Several accounts at one address and phone spreading returns between them. */
        RING
    }

    /** A scored customer: the facts at their latest return request, and what they really are (null: ordinary). */
    public record ScoredCustomer(String id, AbuseKind abuse, RiskFacts facts) {
    }

    private static final int DAYS = 180;

    private final Random random;

    public RiskHistoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Ordinary customers plus {@code abusersPerKind} of each kind (ring members counted one by one). */
    public List<ScoredCustomer> generate(int ordinaryCustomers, int abusersPerKind) {
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < ordinaryCustomers; i++) {
            histories.add(ordinary("N" + i));
        }
        // Households of two share an address; a few unrelated e-mails look alike.
        for (int i = 0; i + 1 < ordinaryCustomers; i += 2) {
            if (random.nextDouble() < 0.14 || random.nextDouble() < 0.02) {
                link(histories.get(i), histories.get(i + 1));
            }
        }
        for (AbuseKind kind : AbuseKind.values()) {
            int planted = 0;
            while (planted < abusersPerKind) {
                if (kind == AbuseKind.RING) {
                    int members = Math.min(abusersPerKind - planted, 3 + random.nextInt(2));
                    List<History> ring = new ArrayList<>();
                    for (int m = 0; m < members; m++) {
                        ring.add(abuser(kind, "R" + planted + "-" + m));
                    }
                    for (History a : ring) {
                        for (History b : ring) {
                            if (a != b) {
                                a.linked.add(b);
                            }
                        }
                    }
                    histories.addAll(ring);
                    planted += members;
                } else {
                    histories.add(abuser(kind, kind.name() + planted));
                    planted++;
                }
            }
        }
        return histories.stream().filter(history -> !history.returns.isEmpty()).map(History::scored).toList();
    }

    private void link(History a, History b) {
        a.linked.add(b);
        b.linked.add(a);
    }

    /** One delivered order line and, if it came back, its return. */
    private record Unit(int deliveredDay, double price, boolean apparel, boolean highValue) {
    }

    private record Return(int requestDay, int deliveredDay, List<Unit> units, boolean usedApparel,
                          boolean serialMismatch, boolean underweight) {
    }

    /** How a customer behaves; abusers add their kind's behaviour on top. */
    private record Behaviour(double ordersPer90Days, double returnPropensity, double highValueShare,
                             double usedApparelChance, double serialMismatchChance, double underweightChance,
                             int maxDelayDays) {
    }

    private final class History {
        final String id;
        final AbuseKind abuse;
        final List<Unit> delivered = new ArrayList<>();
        final List<Return> returns = new ArrayList<>();
        final List<History> linked = new ArrayList<>();

        History(String id, AbuseKind abuse) {
            this.id = id;
            this.abuse = abuse;
        }

        ScoredCustomer scored() {
            Return current = returns.stream().max(Comparator.comparingInt(Return::requestDay)).orElseThrow();
            int now = current.requestDay();
            int unitsDelivered = (int) delivered.stream()
                    .filter(unit -> unit.deliveredDay() > now - 90 && unit.deliveredDay() <= now).count();
            List<Return> in90 = returns.stream().filter(r -> r.requestDay() > now - 90 && r.requestDay() <= now)
                    .toList();
            int unitsReturned = in90.stream().mapToInt(r -> r.units().size()).sum();
            double value = in90.stream().flatMap(r -> r.units().stream()).mapToDouble(Unit::price).sum();
            int wardrobing = (int) returns.stream().filter(r -> r.requestDay() > now - 180 && r.requestDay() <= now)
                    .filter(r -> r.usedApparel() && r.requestDay() - r.deliveredDay() <= 14).count();
            int mismatches = (int) returns.stream().filter(r -> r != current && r.requestDay() <= now)
                    .filter(Return::serialMismatch).count();
            int underweight = (int) returns.stream().filter(r -> r != current && r.requestDay() <= now)
                    .filter(Return::underweight).count();
            int highValue = (int) in90.stream().filter(r -> r.units().stream().anyMatch(Unit::highValue)).count();
            int linkedReturns = (int) linked.stream().flatMap(other -> other.returns.stream())
                    .filter(r -> r.requestDay() > now - 90 && r.requestDay() <= now).count();
            RiskFacts facts = new RiskFacts(Math.max(unitsDelivered, unitsReturned), unitsReturned, in90.size() - 1,
                    value, current.requestDay() - current.deliveredDay(), wardrobing, mismatches, underweight,
                    highValue, linked.size(), linkedReturns);
            return new ScoredCustomer(id, abuse, facts);
        }
    }

    private History ordinary(String id) {
        double roll = random.nextDouble();
        // Most return little; some bracket sizes and return half; a few return most of what they buy.
        double propensity = roll < 0.70 ? random.nextDouble() * 0.25
                : roll < 0.93 ? 0.25 + random.nextDouble() * 0.3 : 0.55 + random.nextDouble() * 0.3;
        double orders = 0.5 + random.nextDouble() * (random.nextDouble() < 0.1 ? 8 : 3.5);
        double highValueShare = random.nextDouble() < 0.12 ? 0.4 : 0.02;
        return simulate(new History(id, null), new Behaviour(orders, propensity, highValueShare, 0.03, 0.004, 0.005,
                30));
    }

    private History abuser(AbuseKind kind, String id) {
        // Intensity varies: some abusers are blatant, some barely differ from ordinary customers.
        double intensity = 0.5 + random.nextDouble() * 0.5;
        Behaviour behaviour = switch (kind) {
            case SERIAL_RETURNER -> new Behaviour(4 + 6 * intensity, 0.6 + 0.3 * intensity, 0.05, 0.03, 0.004,
                    0.005, 25);
            case WARDROBER -> new Behaviour(2 + 3 * intensity, 0.35 + 0.3 * intensity, 0.02, 0.4 + 0.5 * intensity,
                    0.004, 0.005, 8);
            case EMPTY_BOX -> new Behaviour(1.5 + 2 * intensity, 0.3 + 0.3 * intensity, 0.5, 0.03, 0.004,
                    0.25 + 0.5 * intensity, 25);
            case SERIAL_SWAPPER -> new Behaviour(1.5 + 2 * intensity, 0.4 + 0.3 * intensity, 0.9, 0.0,
                    0.25 + 0.5 * intensity, 0.01, 25);
            case RING -> new Behaviour(1.5 + 2 * intensity, 0.45 + 0.35 * intensity, 0.4, 0.05, 0.01, 0.02, 20);
        };
        return simulate(new History(id, kind), behaviour);
    }

    private History simulate(History history, Behaviour behaviour) {
        int orders = poisson(behaviour.ordersPer90Days() * DAYS / 90.0);
        for (int o = 0; o < orders; o++) {
            int day = random.nextInt(DAYS);
            int units = 1 + random.nextInt(3);
            List<Unit> back = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                boolean highValue = random.nextDouble() < behaviour.highValueShare();
                Unit unit = highValue ? new Unit(day, 300 + random.nextDouble() * 500, false, true)
                        : new Unit(day, 15 + random.nextDouble() * 110, random.nextDouble() < 0.85, false);
                history.delivered.add(unit);
                if (random.nextDouble() < behaviour.returnPropensity()) {
                    back.add(unit);
                }
            }
            int requestDay = day + 1 + random.nextInt(behaviour.maxDelayDays());
            if (!back.isEmpty() && requestDay <= DAYS) {
                boolean apparel = back.stream().anyMatch(Unit::apparel);
                boolean highValue = back.stream().anyMatch(Unit::highValue);
                history.returns.add(new Return(requestDay, day, back,
                        apparel && random.nextDouble() < behaviour.usedApparelChance(),
                        highValue && random.nextDouble() < behaviour.serialMismatchChance(),
                        random.nextDouble() < behaviour.underweightChance()));
            }
        }
        return history;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
