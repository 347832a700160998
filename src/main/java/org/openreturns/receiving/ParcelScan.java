package org.openreturns.receiving;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
 * @param sender      who sent the parcel, as far as its label or paperwork says; optional, it helps to find the
 *                    return of a parcel without a known RMA
 */
public record ParcelScan(@Size(max = 100) String scanId,
                         @NotBlank @Size(max = 32) String warehouse,
                         @Size(max = 32) String rmaNumber,
                         @Size(max = 100) String trackingId,
                         @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> lines,
                         @PositiveOrZero Integer weightGrams,
                         @Valid Sender sender) {

    /** A scan with nothing known of its weight or sender. */
    public ParcelScan(String scanId, String warehouse, String rmaNumber, String trackingId, List<Item> lines) {
        this(scanId, warehouse, rmaNumber, trackingId, lines, null, null);
    }

    /** The sender's details from the label; each is optional. */
    public record Sender(@Size(max = 200) String name,
                         @Email @Size(max = 320) String email,
                         @Size(max = 20) String postcode) {
    }

    public record Item(@NotBlank @Size(max = 64) String sku,
                       @Size(max = 100) String serial,
                       @NotNull @Positive Integer quantity,
                       @PositiveOrZero Integer weightGrams) {
    }
}
