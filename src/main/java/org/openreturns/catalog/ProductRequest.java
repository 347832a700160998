package org.openreturns.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A product as {@code POST /api/products} and the demo catalogue give it: amounts in the currency's major unit
 * ({@code 19.90}), like orders. Left out, {@code serialized} and {@code finalSale} are false and
 * {@code highValueThreshold} is the configured default and {@code unitWeightGrams} (grams per unit) unknown.
 */
record ProductRequest(
        // Letters, digits and . _ - only, so that a SKU can stand in a URL path as it is.
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must be letters, digits, '.', '_' or '-', such as TSHIRT-BLK-M") String sku,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String category,
        @NotBlank @Size(max = 32) String supplier,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @PositiveOrZero BigDecimal unitCost,
        @NotNull @PositiveOrZero BigDecimal price,
        boolean serialized,
        boolean finalSale,
        @PositiveOrZero BigDecimal highValueThreshold,
        @Positive @Max(1_000_000) Integer unitWeightGrams) {
}
