package org.openreturns.receiving;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a carrier reports about a return's parcel ({@code POST /api/returns/{id}/parcel-events}).
 *
 * @param eventId the carrier's id of the event; the same event delivered again is recorded once
 * @param at      when it happened, as the carrier says
 */
public record CarrierEvent(@NotBlank @Size(max = 100) String eventId, @NotNull Type type, @NotNull OffsetDateTime at) {

    public enum Type { IN_TRANSIT, DELIVERED }
}
