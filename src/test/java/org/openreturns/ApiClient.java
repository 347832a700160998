package org.openreturns;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the HTTP API as a demo user, the way an integration or a person's browser would. */
public final class ApiClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY =
            new ParameterizedTypeReference<>() {
            };

    private final TestRestTemplate http;

    public ApiClient(TestRestTemplate http) {
        this.http = http;
    }

    public ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON_OBJECT);
    }

    /** Sends the JSON text as it is, for requests that a map of values could not express (wrong types, say). */
    public ResponseEntity<Map<String, Object>> postJson(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
                JSON_OBJECT);
    }

    public ResponseEntity<Map<String, Object>> get(String user, String path) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, JSON_OBJECT);
    }

    public ResponseEntity<List<Map<String, Object>>> getList(String user, String path) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, JSON_ARRAY);
    }

    /** The fields named in the {@code errors} of a problem details response. */
    @SuppressWarnings("unchecked")
    public static List<String> problemFields(ResponseEntity<Map<String, Object>> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> (String) error.get("field")).toList();
    }

    /** Each field named in the {@code errors} of a problem details response, with its problem. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> problems(ResponseEntity<Map<String, Object>> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .collect(java.util.stream.Collectors.toMap(error -> (String) error.get("field"),
                        error -> (String) error.get("problem"), (first, second) -> first + "; " + second));
    }

    /** A unique order id, so tests sharing one database never collide. */
    public static String newOrderId() {
        return "WEB-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The e-mail address of a test customer: each has its own, as real customers do. Tests share one database, and
     * the return-risk score links customers whose addresses share a pattern (the letters of the local part), so a
     * shared address would make every test customer part of one large ring.
     */
    public static String emailOf(String customerId) {
        StringBuilder letters = new StringBuilder();
        for (char c : customerId.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isDigit(c)) {
                letters.append((char) ('g' + (c - '0')));
            } else if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return "customer." + letters + "@example.com";
    }

    /** A web order from WH-BER delivered five days ago, well inside the return window, with the lines given. */
    public static Map<String, Object> order(String orderId, Map<String, Object>... lines) {
        java.time.OffsetDateTime delivered = java.time.OffsetDateTime.now().minusDays(5);
        return Map.of(
                "id", orderId,
                "channel", "WEB",
                "customer", Map.of("id", "C-" + orderId, "email", emailOf("C-" + orderId), "tier", "STANDARD"),
                "placedAt", delivered.minusDays(3).toString(),
                "deliveredAt", delivered.toString(),
                "currency", "EUR",
                "warehouse", "WH-BER",
                "lines", List.of(lines));
    }

    /**
     * Puts WH-BER and the products given (T-shirts at 6.40 / 19.90 of supplier TEST-SUPPLIER) into the catalogue, so
     * returns of them can be booked. Saving what exists already changes nothing.
     */
    public void catalogue(String... skus) {
        post("admin", "/api/suppliers", Map.of("code", "TEST-SUPPLIER", "name", "Test supplier",
                "email", "test@supplier.example"));
        post("admin", "/api/warehouses", Map.of("code", "WH-BER", "name", "Berlin fulfilment centre", "country", "DE"));
        for (String sku : skus) {
            post("admin", "/api/products", Map.of("sku", sku, "name", "Product " + sku, "category", "t-shirts",
                    "supplier", "TEST-SUPPLIER", "currency", "EUR", "unitCost", new java.math.BigDecimal("6.40"),
                    "price", new java.math.BigDecimal("19.90")));
        }
    }

    public static Map<String, Object> line(int lineNo, String sku, int quantity, String unitPrice, String... serials) {
        return Map.of("lineNo", lineNo, "sku", sku, "quantity", quantity, "unitPrice", new java.math.BigDecimal(unitPrice),
                "serials", List.of(serials));
    }
}
