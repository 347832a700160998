package org.openreturns.ai.reasons;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/ai/classify}: a customer's message and, optionally, its language (detected when not given).
 */
record ClassifyRequest(
        @NotBlank(message = "is required") @Size(max = 5000, message = "must have at most 5000 characters")
        String message,
        @Pattern(regexp = "en|de|fr|es", message = "must be one of en, de, fr, es") String language) {
}
