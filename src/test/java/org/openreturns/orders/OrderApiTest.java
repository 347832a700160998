package org.openreturns.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ReturnsIntegrationTest
class OrderApiTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    void anOrderIsStoredWithItsPricesInMinorUnits() {
        String orderId = newOrderId();
        ResponseEntity<Map<String, Object>> created = api.post("support1", "/api/orders",
                order(orderId, line(1, "TSHIRT-BLK-M", 2, "19.90"), line(2, "WATCH-S2", 1, "649", "SN-9")));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Map<String, Object>>) created.getBody().get("lines"))
                .extracting(l -> l.get("unitPriceMinor")).containsExactly(1990, 64900);
    }

    @Test
    void theSameOrderSentTwiceIsStoredOnce() {
        String orderId = newOrderId();
        Map<String, Object> order = order(orderId, line(1, "CAP-NAVY", 1, "15.00"));

        assertThat(api.post("support1", "/api/orders", order).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("support1", "/api/orders", order).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aResentOrderThatContradictsTheStoredOneIsRefused() {
        String orderId = newOrderId();
        api.post("support1", "/api/orders", order(orderId, line(1, "CAP-NAVY", 1, "15.00")));

        ResponseEntity<Map<String, Object>> refused =
                api.post("support1", "/api/orders", order(orderId, line(1, "CAP-NAVY", 3, "15.00")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail")).contains("lines");
    }

    @Test
    void missingAndMalformedFieldsAreNamedInTheProblem() {
        Map<String, Object> order = new HashMap<>(order(newOrderId(), line(1, "CAP-NAVY", 0, "15.00")));
        order.remove("placedAt");
        order.put("currency", "euro");

        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/orders", order);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("currency", "lines[0].quantity", "placedAt");
    }

    @Test
    void anUnknownTierIsNamedWithTheAllowedValues() {
        Map<String, Object> order = new HashMap<>(order(newOrderId(), line(1, "CAP-NAVY", 1, "15.00")));
        order.put("customer", Map.of("id", "C-1", "email", "a@example.com", "tier", "GOLD"));

        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/orders", order);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(refused)).containsExactly("customer.tier");
        assertThat((String) refused.getBody().get("detail")).contains("STANDARD, VIP, BLOCKED");
    }

    @Test
    void businessRulesOfAnOrderAreCheckedAndNamed() {
        Map<String, Object> order = new HashMap<>(order(newOrderId(), line(1, "CAP-NAVY", 1, "15.001"),
                line(1, "WATCH-S2", 1, "649.00", "SN-1", "SN-2")));
        order.put("channel", "SHOP_X");

        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/orders", order);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("channel", "lines[0].unitPrice", "lines[1].lineNo",
                "lines[1].serials");
    }

    @Test
    void theApiAsksForCredentials() {
        ResponseEntity<String> anonymous = http.postForEntity("/api/orders",
                order(newOrderId(), line(1, "CAP-NAVY", 1, "15.00")), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
