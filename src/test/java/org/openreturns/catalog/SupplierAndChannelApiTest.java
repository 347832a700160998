package org.openreturns.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;
import static org.openreturns.catalog.MasterData.supplier;
import static org.openreturns.catalog.MasterData.uniqueCode;

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
class SupplierAndChannelApiTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    void aSupplierIsCreatedThenUpdatedByCode() {
        String code = uniqueCode("SUP");

        assertThat(api.post("admin", "/api/suppliers", supplier(code)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> updated = api.post("admin", "/api/suppliers",
                Map.of("code", code, "name", "Renamed supplier"));

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getList("support1", "/api/suppliers").getBody())
                .filteredOn(supplier -> code.equals(supplier.get("code"))).singleElement()
                .satisfies(supplier -> assertThat(supplier).containsEntry("name", "Renamed supplier")
                        .doesNotContainKey("email"));
    }

    @Test
    void malformedSupplierFieldsAreNamedInTheProblem() {
        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/suppliers",
                Map.of("code", "nordic cotton", "name", "Nordic Cotton", "email", "not an address"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(refused)).containsExactly("code", "email");
    }

    @Test
    void everyDatabaseStartsWithTheWebStoreAndTwoMarketplaces() {
        assertThat(api.getList("support1", "/api/channels").getBody()).extracting(channel -> channel.get("code"))
                .contains("WEB", "MARKETPLACE_A", "MARKETPLACE_B");
    }

    @Test
    void ordersOfANewChannelAreAcceptedOnceTheChannelIsAdded() {
        String channel = uniqueCode("SHOP").replace('-', '_');
        Map<String, Object> order = new HashMap<>(order(newOrderId(), line(1, "CAP-NAVY", 1, "15.00")));
        order.put("channel", channel);
        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/orders", order);
        assertThat(ApiClient.problemFields(refused)).containsExactly("channel");

        ResponseEntity<Map<String, Object>> added = api.post("admin", "/api/channels",
                Map.of("code", channel, "name", "Social shop"));

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("support1", "/api/orders", order).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aChannelIsRenamedByPostingItAgain() {
        String channel = uniqueCode("SHOP").replace('-', '_');
        api.post("admin", "/api/channels", Map.of("code", channel, "name", "Social shop"));

        ResponseEntity<Map<String, Object>> renamed = api.post("admin", "/api/channels",
                Map.of("code", channel, "name", "Social commerce"));

        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renamed.getBody()).containsEntry("name", "Social commerce");
    }

    @Test
    void aMalformedChannelCodeIsNamedInTheProblem() {
        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/channels",
                Map.of("code", "web-shop", "name", "Web shop"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(refused)).containsExactly("code");
    }
}
