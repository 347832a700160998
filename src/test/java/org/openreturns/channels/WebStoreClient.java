package org.openreturns.channels;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.ApiClient;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A web store delivering webhooks the way the platform does: the body signed with HMAC-SHA256 under the channel's
 * webhook secret (computed here independently of the application's own code), no login. Each instance is a channel
 * of its own with a fresh secret, so tests sharing one database never collide.
 */
public final class WebStoreClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {
            };

    private final TestRestTemplate http;
    public final String channel;
    public final String secret;

    public WebStoreClient(TestRestTemplate http) {
        this.http = http;
        this.channel = "SHOP_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.secret = "whsec-" + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> saved = new ApiClient(http).post("admin", "/api/channels",
                Map.of("code", channel, "name", "Web store " + channel, "webhookSecret", secret));
        if (!saved.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("Channel " + channel + " not saved: " + saved);
        }
    }

    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery signed right and triggered now. */
    public ResponseEntity<Map<String, Object>> deliver(String topic, String webhookId, Object payload) {
        String body = json(payload);
        return deliver(topic, webhookId, body, sign(body, secret), OffsetDateTime.now().toString());
    }

    /** A delivery with every header as given; a null header is left out. */
    public ResponseEntity<Map<String, Object>> deliver(String topic, String webhookId, String body, String signature,
                                                       String triggeredAt) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (topic != null) {
            headers.set("X-Shopify-Topic", topic);
        }
        if (webhookId != null) {
            headers.set("X-Shopify-Webhook-Id", webhookId);
        }
        if (signature != null) {
            headers.set("X-Shopify-Hmac-Sha256", signature);
        }
        if (triggeredAt != null) {
            headers.set("X-Shopify-Triggered-At", triggeredAt);
        }
        return http.exchange("/api/channels/" + channel + "/webhooks", HttpMethod.POST, new HttpEntity<>(body, headers),
                JSON_OBJECT);
    }

    public static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An order as the platform sends it with every orders/* topic: one line item per SKU and quantity given (line
     * item ids 1001, 1002, ...), and the fulfilments given.
     */
    public static Map<String, Object> order(String orderId, List<Map<String, Object>> fulfillments, Object... skuAndQuantity) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            items.add(Map.of("id", 1001 + i / 2, "sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1],
                    "price", "19.90", "title", "Tee"));
        }
        return Map.of("id", orderId, "email", "c-" + orderId.toLowerCase() + "@example.com",
                "created_at", "2026-12-01T10:00:00+01:00", "currency", "EUR",
                "customer", Map.of("id", "C-" + orderId, "email", ApiClient.emailOf("C-" + orderId)),
                "line_items", items, "fulfillments", fulfillments, "financial_status", "paid");
    }

    /** A fulfilment of the order's line item {@code 1000 + itemNo}. */
    public static Map<String, Object> fulfillment(String id, int itemNo, int quantity) {
        return Map.of("id", id, "status", "success", "created_at", "2026-12-02T09:00:00Z",
                "line_items", List.of(Map.of("id", 1000 + itemNo, "quantity", quantity)));
    }

    /** A refund of one line item of the order, paid by the platform at {@code processedAt}. */
    public static Map<String, Object> refund(String refundId, String orderId, String sku, String amount,
                                             OffsetDateTime processedAt) {
        return Map.of("id", refundId, "order_id", orderId, "created_at", processedAt.toString(),
                "processed_at", processedAt.toString(),
                "refund_line_items", List.of(Map.of("id", refundId + "1", "line_item_id", 1001, "quantity", 1,
                        "subtotal", amount, "line_item", Map.of("id", 1001, "sku", sku))),
                "transactions", List.of(Map.of("kind", "refund", "status", "success", "amount", amount)));
    }
}
