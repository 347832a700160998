package org.openreturns.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A sales order as a channel reports it ({@code POST /api/orders}); prices in the currency's major unit. The shipping
 * address, the customer's phone and the campaign code are optional.
 */
public record OrderIngestion(
        @NotBlank @Size(max = 64) String id,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be a channel code such as WEB") String channel,
        @NotNull @Valid Customer customer,
        @NotNull OffsetDateTime placedAt,
        OffsetDateTime deliveredAt,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotBlank @Size(max = 32) String warehouse,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 300) String shippingAddress,
        @Size(max = 64) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "must be a campaign code such as BLACK-FRIDAY-2026") String campaignCode) {

    public record Customer(@NotBlank @Size(max = 64) String id,
                           @NotBlank @Email String email,
                           @NotNull CustomerTier tier,
                           @Size(max = 32) @Pattern(regexp = "[+0-9 ()/.-]*", message = "must be a phone number such as +49 30 1234567") String phone) {
    }

    public record Line(@NotNull @Positive Integer lineNo,
                       @NotBlank @Size(max = 64) String sku,
                       @NotNull @Positive Integer quantity,
                       @NotNull @PositiveOrZero BigDecimal unitPrice,
                       List<@NotBlank @Size(max = 100) String> serials) {

        public List<String> serialsOrEmpty() {
            return serials == null ? List.of() : serials;
        }
    }
}
