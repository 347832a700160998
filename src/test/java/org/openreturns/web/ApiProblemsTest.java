package org.openreturns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.returns.ReasonCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A request with several problems is answered with all of them at once, each naming its field. */
@ReturnsIntegrationTest
class ApiProblemsTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    void everyValidationProblemOfARequestIsNamedAtOnce() {
        ResponseEntity<Map<String, Object>> refused = api.postJson("support1", "/api/returns", """
                {"orderId": "",
                 "lines": [{"quantity": 0}, {"lineNo": -1, "quantity": 1}],
                 "customerMessage": "%s"}""".formatted("x".repeat(4001)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ApiClient.problems(refused)).containsOnly(
                entry("orderId", "must not be blank"),
                entry("lines[0].lineNo", "must not be null"),
                entry("lines[0].quantity", "must be greater than 0"),
                entry("lines[1].lineNo", "must be greater than 0"),
                entry("customerMessage", "size must be between 0 and 4000"));
    }

    @Test
    void everyValueOfTheWrongFormatIsNamedAtOnce() {
        ResponseEntity<Map<String, Object>> refused = api.postJson("support1", "/api/orders", """
                {"id": "%s", "channel": "WEB", "currency": "EUR", "warehouse": "WH-BER",
                 "customer": {"id": "C-1", "email": "anna@example.com", "tier": "PLATINUM"},
                 "placedAt": "last tuesday",
                 "lines": [{"lineNo": 1, "sku": "CAP-NAVY", "quantity": 1, "unitPrice": "cheap"},
                           {"lineNo": 2, "sku": "CAP-NAVY", "quantity": "two", "unitPrice": 15.00}]}"""
                .formatted(newOrderId()));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, String> problems = ApiClient.problems(refused);
        assertThat(problems).containsOnlyKeys("customer.tier", "placedAt", "lines[0].unitPrice",
                "lines[1].quantity");
        assertThat(problems.get("customer.tier")).isEqualTo("must be one of [STANDARD, VIP, BLOCKED], not \"PLATINUM\"");
        assertThat(problems.get("placedAt")).startsWith("must be a date and time with offset");
        assertThat(problems.get("lines[0].unitPrice")).isEqualTo("must be a number, not \"cheap\"");
        assertThat(problems.get("lines[1].quantity")).isEqualTo("must be a whole number, not \"two\"");
        assertThat((String) refused.getBody().get("detail")).contains("customer.tier", "placedAt",
                "lines[0].unitPrice", "lines[1].quantity");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedRatherThanConverted() {
        ResponseEntity<Map<String, Object>> refused = api.postJson("support1", "/api/returns", """
                {"orderId": 42,
                 "customerMessage": true,
                 "lines": [{"lineNo": 1, "quantity": "2"},
                           {"lineNo": 2, "quantity": 1.5},
                           {"lineNo": 3, "quantity": 1, "reasonCode": 1}]}""");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problems(refused)).containsOnly(
                entry("orderId", "must be a string, not 42"),
                entry("customerMessage", "must be a string, not true"),
                entry("lines[0].quantity", "must be a whole number, not \"2\""),
                entry("lines[1].quantity", "must be a whole number, not 1.5"),
                entry("lines[2].reasonCode", "must be one of " + List.of(ReasonCode.values()) + ", not 1"));
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedSoThatAMisspeltOneIsNotLost() {
        ResponseEntity<Map<String, Object>> refused = api.postJson("support1", "/api/returns", """
                {"orderId": "WEB-1", "lines": [{"lineNo": 1, "quantity": 1, "reasonCod": "SIZE_TOO_SMALL"}]}""");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problems(refused)).containsOnly(entry("lines[0].reasonCod",
                "is not a field of this request; its fields are [declaredCondition, lineNo, quantity, reasonCode]"));
    }

    @Test
    void aWholeNumberIsAValidDecimal() {
        ResponseEntity<Map<String, Object>> created = api.postJson("support1", "/api/orders", """
                {"id": "%s", "channel": "WEB", "currency": "EUR", "warehouse": "WH-BER",
                 "customer": {"id": "C-1", "email": "anna@example.com", "tier": "STANDARD"},
                 "placedAt": "2026-03-01T10:00:00Z",
                 "lines": [{"lineNo": 1, "sku": "CAP-NAVY", "quantity": 1, "unitPrice": 15}]}"""
                .formatted(newOrderId()));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void everyLineThatBreaksARuleOfTheReturnIsNamedAtOnce() {
        api.catalogue("TSHIRT-BLK-M");
        String orderId = newOrderId();
        api.post("support1", "/api/orders", order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90")));

        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/returns", Map.of(
                "orderId", orderId,
                "lines", List.of(Map.of("lineNo", 1, "quantity", 2), Map.of("lineNo", 7, "quantity", 1))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(refused)).containsOnly(
                entry("lines[0].quantity", "only 1 of 1 sold can still be returned"),
                entry("lines[1].lineNo", "order " + orderId + " has no line 7"));
    }

    @Test
    void aMissingQueryParameterIsNamed() {
        ResponseEntity<Map<String, Object>> refused = api.get("support1", "/api/tasks");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problems(refused)).containsOnly(entry("group", "is required"));
    }
}
