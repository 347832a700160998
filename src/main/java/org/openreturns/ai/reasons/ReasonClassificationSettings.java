package org.openreturns.ai.reasons;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confidenceThreshold a line without a reason code takes the suggestion when its confidence is at least this
 *                            (0 to 1); below it, support chooses the reason in the review. A customer's code that
 *                            differs from a suggestion this confident is flagged on the timeline.
 */
@ConfigurationProperties("returns.reason-classification")
public record ReasonClassificationSettings(@DefaultValue("0.6") double confidenceThreshold) {

    public ReasonClassificationSettings {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("returns.reason-classification.confidence-threshold must be between 0 "
                    + "and 1, not " + confidenceThreshold);
        }
    }
}
