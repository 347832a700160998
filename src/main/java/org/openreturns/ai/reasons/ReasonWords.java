package org.openreturns.ai.reasons;

import java.util.Map;

import org.openreturns.returns.ReasonCode;

/** The reason codes in the words support uses, for the review form's choices. */
final class ReasonWords {

    private static final Map<ReasonCode, String> WORDS = Map.of(
            ReasonCode.SIZE_TOO_SMALL, "Too small",
            ReasonCode.SIZE_TOO_LARGE, "Too large",
            ReasonCode.CHANGED_MIND, "Changed their mind",
            ReasonCode.DAMAGED_IN_TRANSIT, "Damaged in transit",
            ReasonCode.DEFECTIVE, "Defective, does not work",
            ReasonCode.WRONG_ITEM, "Wrong item sent",
            ReasonCode.NOT_AS_DESCRIBED, "Not as described",
            ReasonCode.ARRIVED_LATE, "Arrived too late",
            ReasonCode.MISSING_PARTS, "Parts missing",
            ReasonCode.BETTER_PRICE_ELSEWHERE, "Found a better price elsewhere");

    private ReasonWords() {
    }

    static String of(ReasonCode code) {
        return WORDS.get(code);
    }
}
