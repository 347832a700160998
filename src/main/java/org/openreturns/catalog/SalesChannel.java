package org.openreturns.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where orders come from: the web store or a marketplace; orders of other channels are refused.
 * {@code POST /api/channels} gives it in this form too.
 *
 * <p>With an {@code availabilityUrl} the channel is sent the available-to-sell of every SKU whose sellable stock
 * changes (docs/channels.md); the token, when given, authenticates those deliveries and is never shown again. With a
 * {@code webhookSecret} the channel may send its webhooks (docs/channels.md, "Web-store webhooks"), signed with it;
 * the secret is never shown again either.
 */
record SalesChannel(
        // The form order ingestion accepts for an order's channel.
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be a channel code such as WEB") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) // Host names and IPv4 addresses; characters a URI allows, so that every saved URL can be called.
        @Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?",
                message = "must be an absolute http or https URL") String availabilityUrl,
        // Sent as a bearer token: visible ASCII only, so it cannot break the header.
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        @Size(max = 500) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII characters")
        String availabilityToken,
        // The key of the webhooks' HMAC-SHA256 signatures: long enough not to be guessed.
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        @Size(min = 16, max = 500) String webhookSecret) {
}
