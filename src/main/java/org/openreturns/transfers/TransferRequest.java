package org.openreturns.transfers;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Sellable stock sent from one warehouse to another ({@code POST /api/transfers}). */
public record TransferRequest(
        @NotBlank @Size(max = 64) String transferId,
        @NotBlank @Size(max = 32) String fromWarehouse,
        @NotBlank @Size(max = 32) String toWarehouse,
        @NotNull OffsetDateTime shippedAt,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    /** Serials are required for a serialized product, one per unit, and must be empty otherwise. */
    public record Line(@NotBlank @Size(max = 64) String sku,
                       @NotNull @Positive @Max(1_000_000) Integer quantity,
                       @Size(max = 1000) List<@NotBlank @Size(max = 100) String> serials) {

        public List<String> serialsOrEmpty() {
            return serials == null ? List.of() : serials;
        }
    }

    /** The whole transfer arrived at its destination ({@code POST /api/transfers/{transferId}/receipt}). */
    public record Receipt(@NotNull OffsetDateTime receivedAt) {
    }
}
