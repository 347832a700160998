package org.openreturns.reconciliation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What a sales channel shows as available ({@code POST /api/channel-stock}). */
public record ChannelStockReport(@NotBlank @Size(max = 32) String channel,
                                 @NotNull OffsetDateTime reportedAt,
                                 @NotEmpty @Size(max = 100000) List<@NotNull @Valid Line> lines) {

    public record Line(@NotBlank @Size(max = 64) String sku, @NotNull @PositiveOrZero Integer quantity) {
    }
}
