package org.openreturns.purchasing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What the retailer ordered from a supplier for a warehouse ({@code POST /api/purchase-orders}); unit costs in the
 * major unit of {@code currency}.
 */
public record PurchaseOrderRequest(
        @NotBlank @Size(max = 64) String id,
        @NotBlank @Size(max = 32) String supplier,
        @NotBlank @Size(max = 32) String warehouse,
        @NotNull OffsetDateTime orderedAt,
        @NotNull OffsetDateTime expectedAt,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR")
        String currency,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    public record Line(@NotNull @Positive @Max(100_000) Integer lineNo,
                       @NotBlank @Size(max = 64) String sku,
                       @NotNull @Positive @Max(1_000_000) Integer quantity,
                       @NotNull @PositiveOrZero @Max(1_000_000_000) BigDecimal unitCost) {
    }

    /** The supplier will not deliver the rest ({@code POST /api/purchase-orders/{id}/close}). */
    public record Close(@NotBlank @Size(max = 500) String reason) {
    }
}
