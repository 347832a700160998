package org.openreturns.ai.reasons;

import java.util.List;

import org.openreturns.returns.ReasonCode;

/**
 * What the classifier suggests for a message: the most likely reason code with its confidence (0 to 1), the three
 * most likely codes in order (the suggested one first), the language it read the message in and the model that
 * decided.
 */
public record ReasonSuggestion(ReasonCode reasonCode, double confidence, List<Alternative> alternatives,
                               String language, String modelVersion) {

    public record Alternative(ReasonCode reasonCode, double confidence) {
    }
}
