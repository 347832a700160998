package org.openreturns.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;

import java.util.HashMap;
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
class CustomerApiTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    void aCustomerIsKnownAsTheirLatestOrderReportedThem() {
        String customerId = "C-" + newOrderId();
        api.post("support1", "/api/orders", orderOf(customerId, "STANDARD"));
        api.post("support1", "/api/orders", orderOf(customerId, "VIP"));

        ResponseEntity<Map<String, Object>> customer = api.get("support1", "/api/customers/" + customerId);

        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(customer.getBody()).containsEntry("id", customerId).containsEntry("tier", "VIP")
                .containsEntry("email", "anna@example.com").containsKey("updatedAt");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        ResponseEntity<Map<String, Object>> missing = api.get("support1", "/api/customers/C-NOBODY");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(missing)).containsExactly("id");
    }

    private static Map<String, Object> orderOf(String customerId, String tier) {
        Map<String, Object> order = new HashMap<>(order(newOrderId(), line(1, "CAP-NAVY", 1, "15.00")));
        order.put("customer", Map.of("id", customerId, "email", "anna@example.com", "tier", tier));
        return order;
    }
}
