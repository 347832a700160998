package org.openreturns.ai.reasons;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A trained version of an AI model and how it scored on the held-out set, as {@code GET /api/ai/models} lists it.
 *
 * @param status          ACTIVE (the one classifying), RETIRED (replaced by a better one) or REJECTED (a retrained
 *                        candidate that scored worse than the active version)
 * @param labelledExamples how many labelled examples from reviews and inspections it was trained on besides the
 *                        shipped set
 */
public record ModelVersion(String model, String version, String status, OffsetDateTime trainedAt, String trainedBy,
                           int trainingMessages, int labelledExamples, double macroF1, double accuracy,
                           Map<String, Double> macroF1ByLanguage) {
}
