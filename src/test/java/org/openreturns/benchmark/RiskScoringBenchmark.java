package org.openreturns.benchmark;

import org.openreturns.ai.risk.RiskHistoryGenerator;
import org.openreturns.ai.risk.RiskScoreEvaluation;

/**
 * Scores synthetic customer histories with planted abusers of five kinds and prints precision@k (k = abusers planted)
 * and the false-positive rate among ordinary customers at the review threshold, for several seeds. Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.openreturns.benchmark.RiskScoringBenchmark -Dexec.args="5000 40"</pre>
 * Arguments: ordinary customers (default 5,000), abusers planted per kind (default 40), seeds separated by commas
 * (default 1,2,3; the scorer's weights were fitted on seeds 101-105, see RiskWeightFitting).
 */
public final class RiskScoringBenchmark {

    private RiskScoringBenchmark() {
    }

    public static void main(String[] args) {
        int ordinary = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String seeds = args.length > 2 ? args[2] : "1,2,3";
        for (String seedText : seeds.split(",")) {
            long seed = Long.parseLong(seedText.trim());
            long started = System.nanoTime();
            RiskScoreEvaluation evaluation = RiskScoreEvaluation.of(
                    new RiskHistoryGenerator(seed).generate(ordinary, perKind));
            System.out.printf("seed %d (%d ms): %s%n", seed, (System.nanoTime() - started) / 1_000_000,
                    evaluation.describe());
        }
    }
}
