package org.openreturns.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Units of an order cancelled before they were shipped ({@code POST /api/orders/{orderId}/cancellations}). */
public record CancellationRequest(
        @NotBlank @Size(max = 64) String cancellationId,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    public record Line(@NotNull @Positive Integer lineNo,
                       @NotNull @Positive @Max(1_000_000) Integer quantity) {
    }
}
