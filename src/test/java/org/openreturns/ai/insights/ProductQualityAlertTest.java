package org.openreturns.ai.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A product whose returns jump in a week raises alerts that open "Investigate product quality" for the managers on
 * the real engine; the manager's conclusion is kept with the alert, and the same alert is not raised twice a week.
 */
@ReturnsIntegrationTest
class ProductQualityAlertTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProductQualityService quality;

    @Test
    @SuppressWarnings("unchecked")
    void aJumpInDamagedReturnsOpensAnInvestigationForTheManagers() {
        ApiClient api = new ApiClient(http);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "BOX-" + suffix;
        api.catalogue();
        api.post("admin", "/api/suppliers", Map.of("code", "SUP-" + suffix, "name", "Supplier " + suffix));
        api.post("admin", "/api/products", Map.of("sku", sku, "name", "Boxed lamp", "category", "lamps-" + suffix,
                "supplier", "SUP-" + suffix, "currency", "EUR", "unitCost", new BigDecimal("10.00"),
                "price", new BigDecimal("30.00")));
        OffsetDateTime now = OffsetDateTime.now();
        order(api, sku, 100, now.minusDays(40));
        String recent = order(api, sku, 20, now.minusDays(3));
        assertThat(api.post("support1", "/api/returns", Map.of("orderId", recent, "customerMessage", "Box crushed",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 6, "reasonCode", "DAMAGED_IN_TRANSIT",
                        "declaredCondition", "DAMAGED")))).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        quality.checkLastWeek();

        Map<String, Object> insights = api.get("manager1", "/api/insights/products").getBody();
        Map<String, Object> alert = ((List<Map<String, Object>>) insights.get("alertsRaised")).stream()
                .filter(raised -> sku.equals(raised.get("scopeKey")) && "RETURN_RATE".equals(raised.get("kind")))
                .findFirst().orElseThrow();
        assertThat((String) alert.get("evidence")).startsWith("SKU " + sku + ": 6 of 20 units sold were returned");
        assertThat(((List<Map<String, Object>>) insights.get("signals")).stream()
                .filter(signal -> sku.equals(signal.get("key"))).findFirst().orElseThrow())
                .containsEntry("unitsSold", 20).containsEntry("unitsReturned", 6);
        assertThat(quality.checkLastWeek()).as("raised once a week").isEmpty();

        Map<String, Object> task = await().atMost(Duration.ofSeconds(30)).until(() -> api.getList("manager1",
                        "/api/tasks?group=manager").getBody().stream()
                .filter(open -> "InvestigateProductQuality".equals(open.get("elementId")))
                .filter(open -> String.valueOf(alert.get("id")).equals(
                        String.valueOf(((Map<?, ?>) open.get("context")).get("alertId"))))
                .findFirst().orElse(null), Objects::nonNull);
        assertThat(api.post("manager1", "/api/tasks/" + task.get("id") + "/complete",
                Map.of("conclusion", "Supplier changed the carton; claim opened")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).until(() -> ((List<Map<String, Object>>) api
                .get("manager1", "/api/insights/products").getBody().get("alertsRaised")).stream()
                .filter(raised -> alert.get("id").equals(raised.get("id"))).findFirst().orElseThrow(),
                investigated -> "manager1".equals(investigated.get("investigatedBy"))
                        && "Supplier changed the carton; claim opened".equals(investigated.get("conclusion")));
    }

    @Test
    void badDatesAreRefusedNamingTheParameterAndOnlyManagersAndQualitySeeTheSignals() {
        ApiClient api = new ApiClient(http);
        assertThat(ApiClient.problems(api.get("quality1", "/api/insights/products?from=yesterday")))
                .containsKey("from");
        assertThat(ApiClient.problems(api.get("manager1", "/api/insights/products?from=2026-12-01&to=2026-11-01")))
                .containsKey("from");
        assertThat(api.get("support1", "/api/insights/products").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String order(ApiClient api, String sku, int units, OffsetDateTime placed) {
        String orderId = ApiClient.newOrderId();
        assertThat(api.post("support1", "/api/orders", Map.of("id", orderId, "channel", "WEB",
                "customer", Map.of("id", "C-" + orderId, "email", orderId.toLowerCase() + "@example.com",
                        "tier", "STANDARD"),
                "placedAt", placed.toString(), "deliveredAt", placed.plusDays(1).toString(), "currency", "EUR",
                "warehouse", "WH-BER", "lines", List.of(ApiClient.line(1, sku, units, "30.00"))))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return orderId;
    }
}
