package org.openreturns.reconciliation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.openreturns.catalog.LocationType;

/** A physical count of one place ({@code POST /api/stock-counts}). */
public record StockCountReport(@NotBlank @Size(max = 32) String warehouse,
                               @NotNull LocationType locationType,
                               @NotNull OffsetDateTime countedAt,
                               @NotEmpty @Size(max = 10000) List<@NotNull @Valid Line> lines) {

    public record Line(@NotBlank @Size(max = 64) String sku,
                       @Size(max = 100) String serial,
                       @NotNull @PositiveOrZero Integer quantity) {
    }
}
