package org.openreturns.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.catalog.MasterData.uniqueCode;
import static org.openreturns.catalog.MasterData.warehouse;

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
class WarehouseApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CatalogService catalog;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewWarehouseGetsOneLocationOfEachTypeWithTheVirtualOnesFlagged() {
        String code = uniqueCode("WH");

        ResponseEntity<Map<String, Object>> created = api.post("admin", "/api/warehouses", warehouse(code));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/warehouses/" + code);
        List<Map<String, Object>> locations = (List<Map<String, Object>>) created.getBody().get("locations");
        assertThat(locations).extracting(location -> location.get("type")).containsExactly("SELLABLE",
                "RETURNS_RECEIVING", "QUARANTINE", "REFURBISHMENT", "VENDOR_RETURN", "LIQUIDATION", "BLOCKED",
                "SCRAPPED", "CUSTOMER", "IN_TRANSIT");
        assertThat(locations).filteredOn(location -> Boolean.TRUE.equals(location.get("virtual")))
                .extracting(location -> location.get("type")).containsExactly("SCRAPPED", "CUSTOMER");
        assertThat(locations).allSatisfy(location -> assertThat(location.get("id")).isInstanceOf(Number.class));
    }

    @Test
    void theLocationsOfAWarehouseAreFoundByType() {
        String code = uniqueCode("WH");
        api.post("admin", "/api/warehouses", warehouse(code));

        Warehouse warehouse = catalog.warehouse(code);

        assertThat(catalog.locationId(code, LocationType.QUARANTINE))
                .isEqualTo(warehouse.location(LocationType.QUARANTINE).id())
                .isNotEqualTo(warehouse.location(LocationType.SELLABLE).id());
        assertThat(warehouse.location(LocationType.CUSTOMER).isVirtual()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void postingAWarehouseAgainUpdatesItAndKeepsItsLocations() {
        String code = uniqueCode("WH");
        Map<String, Object> first = api.post("admin", "/api/warehouses", warehouse(code)).getBody();

        ResponseEntity<Map<String, Object>> updated = api.post("admin", "/api/warehouses",
                Map.of("code", code, "name", "Moved to Poznań", "country", "PL"));

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("name", "Moved to Poznań").containsEntry("country", "PL");
        assertThat((List<Map<String, Object>>) updated.getBody().get("locations"))
                .isEqualTo(first.get("locations"));
    }

    @Test
    void warehousesAreListedWithTheirLocations() {
        String code = uniqueCode("WH");
        api.post("admin", "/api/warehouses", warehouse(code));

        List<Map<String, Object>> warehouses = api.getList("support1", "/api/warehouses").getBody();

        assertThat(warehouses).filteredOn(warehouse -> code.equals(warehouse.get("code")))
                .singleElement().satisfies(warehouse -> assertThat((List<?>) warehouse.get("locations")).hasSize(10));
    }

    @Test
    void anUnknownWarehouseIsNotFound() {
        ResponseEntity<Map<String, Object>> missing = api.get("support1", "/api/warehouses/WH-NOWHERE");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(missing)).containsExactly("warehouse");
    }

    @Test
    void malformedFieldsAreNamedInTheProblem() {
        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/warehouses",
                Map.of("code", "wh berlin", "country", "Germany"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(refused)).containsExactly("code", "country", "name");
    }

    @Test
    void aCountryCodeThatIsNoCountryIsRefused() {
        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/warehouses",
                Map.of("code", uniqueCode("WH"), "name", "Nowhere", "country", "XX"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("country");
    }
}
