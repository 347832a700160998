package org.openreturns.receiving;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A parcel scanned at a warehouse ({@code POST /api/receipts}).
 *
 * @param scanId      the scanner's id for this scan; a repeated scan with the same id is recorded once
 * @param weightGrams what the parcel weighed on the warehouse's scale, if it was weighed
 */
public record ParcelScan(@Size(max = 100) String scanId,
                         @NotBlank @Size(max = 32) String warehouse,
                         @Size(max = 32) String rmaNumber,
                         @Size(max = 100) String trackingId,
                         @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> lines,
                         @PositiveOrZero Integer weightGrams) {

    public record Item(@NotBlank @Size(max = 64) String sku,
                       @Size(max = 100) String serial,
                       @NotNull @Positive Integer quantity,
                       @PositiveOrZero Integer weightGrams) {
    }
}
