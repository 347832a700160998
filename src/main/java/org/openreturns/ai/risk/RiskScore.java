package org.openreturns.ai.risk;

import java.util.List;

/**
 * A return's risk of abuse, 0 (none seen) to 100, and the signals behind it in words, strongest first.
 *
 * @param topSignals at most {@link ReturnRiskScorer#TOP_SIGNALS} of them; empty when nothing stood out
 */
public record RiskScore(int score, List<String> topSignals) {

    public RiskScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("A risk score is 0 to 100, not " + score);
        }
        topSignals = List.copyOf(topSignals);
    }

    /** The signals as the review form and the timeline show them, or a sentence saying there are none. */
    public String signalsInWords() {
        return topSignals.isEmpty() ? "No risk signal" : String.join("; ", topSignals);
    }
}
