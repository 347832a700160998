package org.openreturns.returns;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the reason classifier suggested for a return line and what became of it, as the return's detail shows it to
 * support and quality (docs/ai.md).
 *
 * @param customerCode  the code the customer gave; null when none. A suggestion never replaces it.
 * @param alternatives  the three most likely codes, best first
 * @param outcome       what the suggestion led to
 * @param reviewedCode  the code support chose in the review, when the suggestion was too unsure
 * @param inspectionConfirmsCustomerCode the inspector's "reason confirmed" finding about the customer's code
 * @param inspectionConfirmsSuggestion   the same finding about the suggested code; null when it says nothing of it
 */
public record LineReason(int lineNo, String customerCode, String suggestedCode, double confidence,
                         List<RankedCode> alternatives, String language, String modelVersion, Outcome outcome,
                         OffsetDateTime classifiedAt, String reviewedCode, String reviewedBy,
                         Boolean inspectionConfirmsCustomerCode, Boolean inspectionConfirmsSuggestion) {

    public record RankedCode(String reasonCode, double confidence) {
    }

    public enum Outcome {
        /** The line had no code and took the suggestion, which was confident enough. */
        APPLIED,
        /** The line had no code and the suggestion was too unsure: support chooses in the review. */
        REVIEW_NEEDED,
        /** Support chose the line's code in the review. */
        REVIEWED,
        /** The customer's code is the confident suggestion. */
        AGREES,
        /** The customer's code differs from a confident suggestion: the customer's code stays, the difference is flagged. */
        DISAGREES,
        /** The customer's code differs from an unsure suggestion: nothing to flag. */
        UNSURE
    }
}
