package org.openreturns.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A warehouse as {@code POST /api/warehouses} and the demo catalogue give it; its locations come with it. */
record WarehouseRequest(
        // Orders name their warehouse in up to 32 characters.
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}",
                message = "must be up to 32 capital letters, digits, '_' or '-', such as WH-BER") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE")
        String country) {
}
