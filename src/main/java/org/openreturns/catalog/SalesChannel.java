package org.openreturns.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where orders come from: the web store or a marketplace; orders of other channels are refused.
 * {@code POST /api/channels} gives it in this form too.
 */
record SalesChannel(
        // The form order ingestion accepts for an order's channel.
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be a channel code such as WEB") String code,
        @NotBlank @Size(max = 200) String name) {
}
