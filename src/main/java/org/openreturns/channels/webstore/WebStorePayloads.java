package org.openreturns.channels.webstore;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of the web store's webhook payloads that are taken (docs/channels.md, "Web-store webhooks"); the platform
 * sends many more fields, which are ignored. Ids are the platform's numbers, read as text.
 */
final class WebStorePayloads {

    private WebStorePayloads() {
    }

    /** The whole order, as every {@code orders/*} topic sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String id, String email, @JsonProperty("created_at") OffsetDateTime createdAt, String currency,
                 Customer customer, @JsonProperty("line_items") List<LineItem> lineItems,
                 List<Fulfillment> fulfillments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(String id, String email, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineItem(String id, String sku, Integer quantity, BigDecimal price) {
    }

    /** {@code status} {@code cancelled} or {@code failure}: nothing left the warehouse. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fulfillment(String id, String status, @JsonProperty("created_at") OffsetDateTime createdAt,
                       @JsonProperty("line_items") List<LineItem> lineItems) {
    }

    /** A refund the platform paid the customer ({@code refunds/create}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refund(String id, @JsonProperty("order_id") String orderId,
                  @JsonProperty("created_at") OffsetDateTime createdAt,
                  @JsonProperty("processed_at") OffsetDateTime processedAt,
                  @JsonProperty("refund_line_items") List<RefundLineItem> refundLineItems) {
    }

    /** {@code subtotal}: what was refunded for the line, in the order's currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundLineItem(String id, @JsonProperty("line_item_id") String lineItemId, Integer quantity,
                          BigDecimal subtotal, @JsonProperty("line_item") LineItem lineItem) {
    }
}
