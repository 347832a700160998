package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.OpenReturnsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/** The embedded default keeps its data on disk: a return created before a restart is still there after it. */
class EmbeddedDefaultRestartTest {

    private final String dataDirectory = "target/test-databases/restart-" + UUID.randomUUID();

    @Test
    void aReturnAndItsRunningProcessSurviveARestart() {
        String returnId;
        String orderId = newOrderId();
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            assertThat(api.post("support1", "/api/orders", order(orderId, line(1, "DRESS-BLU-S", 1, "79.00")))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            Map<String, Object> created = api.post("support1", "/api/returns", Map.of("orderId", orderId,
                    "lines", List.of(Map.of("lineNo", 1, "quantity", 1)))).getBody();
            returnId = (String) created.get("returnId");
            await().atMost(Duration.ofSeconds(20)).until(() -> "AUTHORIZED".equals(
                    api.get("support1", "/api/returns/" + returnId).getBody().get("status")));
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            Map<String, Object> details = api.get("support1", "/api/returns/" + returnId).getBody();
            assertThat(details).containsEntry("status", "AUTHORIZED").containsEntry("orderId", orderId);
            // The process instance survived too: it still waits for the parcel and takes it.
            Map<String, Object> receipt = api.post("warehouse1", "/api/receipts", Map.of("warehouse", "WH-BER",
                    "rmaNumber", details.get("rmaNumber"), "lines", List.of(Map.of("sku", "DRESS-BLU-S",
                            "quantity", 1)))).getBody();
            assertThat(receipt).containsEntry("returnId", returnId);
            await().atMost(Duration.ofSeconds(20)).until(() -> "RECEIVED".equals(
                    api.get("support1", "/api/returns/" + returnId).getBody().get("status")));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OpenReturnsApplication.class)
                .profiles("test")
                // Command-line arguments, so they win over the test profile's random database directory.
                .run("--server.port=0", "--returns.embedded-postgres.data-directory=" + dataDirectory,
                        // The demo catalogue, as on the embedded default: returns need their products.
                        "--returns.demo-data=true");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
