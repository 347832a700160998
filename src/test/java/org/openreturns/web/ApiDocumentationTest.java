package org.openreturns.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description is generated from the code and readable without a login, like Swagger UI. */
@ReturnsIntegrationTest
class ApiDocumentationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDescriptionListsTheApiAndItsBasicAuthentication() {
        ResponseEntity<Map> description = http.getForEntity("/v3/api-docs", Map.class);

        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> spec = description.getBody();
        assertThat((Map<String, Object>) spec.get("info")).containsEntry("title", "Open Returns API");
        assertThat((Map<String, Object>) spec.get("paths")).containsKeys("/api/orders", "/api/returns",
                "/api/returns/{returnId}", "/api/receipts", "/api/tasks", "/api/tasks/{taskId}/complete",
                "/api/refunds/exceptions");
        assertThat((Map<String, Object>) spec.get("paths")).allSatisfy((path, operations) ->
                assertThat(path).startsWith("/api/"));
        Map<String, Object> components = (Map<String, Object>) spec.get("components");
        assertThat((Map<String, Object>) ((Map<String, Object>) components.get("securitySchemes")).get("basicAuth"))
                .containsEntry("type", "http").containsEntry("scheme", "basic");
        Map<String, Object> createProduct = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec
                .get("paths")).get("/api/products")).get("post");
        assertThat((String) createProduct.get("description")).endsWith("For the groups: admin.");
    }

    @Test
    void swaggerUiIsServed() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Swagger UI");
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().isError()).isFalse();
    }
}
