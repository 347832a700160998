package org.openreturns.purchasing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Goods a supplier delivered against a purchase order, counted in at a warehouse ({@code POST /api/purchase-receipts});
 * unit costs in the major unit of each product's currency.
 */
public record PurchaseReceiptRequest(
        @NotBlank @Size(max = 64) String receiptId,
        @NotBlank @Size(max = 64) String purchaseOrderId,
        @NotBlank @Size(max = 32) String warehouse,
        @NotNull OffsetDateTime receivedAt,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    /** Serials are required for a serialized product, one per unit, and must be empty otherwise. */
    public record Line(@NotBlank @Size(max = 64) String sku,
                       @NotNull @Positive @Max(1_000_000) Integer quantity,
                       @NotNull @PositiveOrZero @Max(1_000_000_000) BigDecimal unitCost,
                       @Size(max = 1000) List<@NotBlank @Size(max = 100) String> serials) {

        public List<String> serialsOrEmpty() {
            return serials == null ? List.of() : serials;
        }
    }
}
