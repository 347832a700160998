package org.openreturns.ai.reasons;

import org.openreturns.returns.ReasonCode;

/** A customer's message with the reason code a person gave it, in a known language (en, de, fr, es). */
public record LabelledMessage(ReasonCode reasonCode, String message, String language) {
}
