package org.openreturns.ai.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openreturns.ai.risk.RiskHistoryGenerator.AbuseKind;
import org.openreturns.ai.risk.RiskHistoryGenerator.ScoredCustomer;

/**
 * How well the return-risk score finds planted abusers: precision@k (k = abusers planted: of the k highest scores,
 * the share that are abusers), the false-positive rate among ordinary customers at the review threshold, and the
 * recall of each kind at the threshold.
 */
public record RiskScoreEvaluation(int customers, int abusers, double precisionAtK, double falsePositiveRate,
                                  Map<AbuseKind, Double> recallByKind) {

    public static final int REVIEW_THRESHOLD = 80;

    public static RiskScoreEvaluation of(List<ScoredCustomer> scored) {
        record Ranked(ScoredCustomer customer, int score) {
        }
        List<Ranked> ranked = scored.stream()
                .map(customer -> new Ranked(customer, ReturnRiskScorer.score(customer.facts()).score()))
                .sorted(Comparator.comparingInt(Ranked::score).reversed()).toList();
        int abusers = (int) scored.stream().filter(customer -> customer.abuse() != null).count();
        long abusersInTopK = ranked.stream().limit(abusers).filter(r -> r.customer().abuse() != null).count();
        long ordinary = scored.size() - abusers;
        long ordinaryFlagged = ranked.stream()
                .filter(r -> r.customer().abuse() == null && r.score() >= REVIEW_THRESHOLD).count();
        Map<AbuseKind, Double> recall = new TreeMap<>();
        for (AbuseKind kind : AbuseKind.values()) {
            List<Ranked> ofKind = ranked.stream().filter(r -> r.customer().abuse() == kind).toList();
            recall.put(kind, ofKind.stream().filter(r -> r.score() >= REVIEW_THRESHOLD).count()
                    / (double) Math.max(1, ofKind.size()));
        }
        return new RiskScoreEvaluation(scored.size(), abusers, abusersInTopK / (double) abusers,
                ordinaryFlagged / (double) ordinary, recall);
    }

    public String describe() {
        StringBuilder text = new StringBuilder(String.format(
                "%d scored customers, %d planted abusers: precision@%d %.3f, false-positive rate at score >= %d %.4f",
                customers, abusers, abusers, precisionAtK, REVIEW_THRESHOLD, falsePositiveRate));
        recallByKind.forEach((kind, recall) -> text.append(String.format("%n  recall at >= %d of %s: %.2f",
                REVIEW_THRESHOLD, kind, recall)));
        return text.toString();
    }
}
