package org.openreturns.orders;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Units of an order that left a warehouse ({@code POST /api/orders/{orderId}/shipments}), as the warehouse or a
 * channel's fulfilment event reports them. Without a warehouse the order's own warehouse shipped them.
 */
public record ShipmentRequest(
        @NotBlank @Size(max = 64) String shipmentId,
        @Size(min = 1, max = 32) String warehouse,
        @NotNull OffsetDateTime shippedAt,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    /** Serials are required for a serialized product, one per unit, and must be empty otherwise. */
    public record Line(@NotNull @Positive Integer lineNo,
                       @NotNull @Positive @Max(1_000_000) Integer quantity,
                       @Size(max = 1000) List<@NotBlank @Size(max = 100) String> serials) {

        public List<String> serialsOrEmpty() {
            return serials == null ? List.of() : serials;
        }
    }
}
