package org.openreturns.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ResolvedReturns;
import org.openreturns.ResolvedReturns.Line;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/supplier-claims}: the claims by status, and shipping a claim's units to the supplier, through HTTP. */
@ReturnsIntegrationTest
class SupplierClaimApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    SupplierClaims claims;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    Journal journal;

    ApiClient api;
    ResolvedReturns returns;
    Line line;
    long claimId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        returns = new ResolvedReturns(db, orders, ledger, catalog, journal);
        String warehouse = returns.warehouse();
        line = returns.returned(warehouse, returns.product(false), null);
        returns.unitIn(line, LocationType.VENDOR_RETURN, MoveReason.VENDOR_RETURN);
        claimId = claims.open(line.returnId(), 1, line.sku(), null, 1, ResolvedReturns.UNIT_COST, "EUR", warehouse,
                "system");
    }

    @Test
    void openClaimsAreListedWithTheSupplierAndTheAmount() {
        assertThat(api.getList("finance1", "/api/supplier-claims?status=OPEN").getBody())
                .filteredOn(claim -> ((Number) claim.get("id")).longValue() == claimId)
                .singleElement().satisfies(claim -> assertThat(claim)
                        .containsEntry("returnId", line.returnId().toString()).containsEntry("supplier", "SUP-TEST")
                        .containsEntry("sku", line.sku()).containsEntry("amountMinor", 1000)
                        .containsEntry("currency", "EUR").containsEntry("status", "OPEN"));
        assertThat(api.getList("finance1", "/api/supplier-claims?status=SHIPPED").getBody())
                .noneMatch(claim -> ((Number) claim.get("id")).longValue() == claimId);
    }

    @Test
    void theWarehouseShipsAClaimOnce() {
        ResponseEntity<Map<String, Object>> shipped = ship("warehouse1");

        assertThat(shipped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shipped.getBody()).containsEntry("status", "SHIPPED").containsEntry("shippedBy", "warehouse1");
        assertThat(returns.stock(line.sku())).isEmpty();
        ResponseEntity<Map<String, Object>> again = ship("admin");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("shippedBy", "warehouse1")
                .containsEntry("shippedAt", shipped.getBody().get("shippedAt"));
    }

    @Test
    void onlyTheWarehouseShips() {
        ResponseEntity<Map<String, Object>> refused = ship("finance1");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.VENDOR_RETURN, 1));
    }

    @Test
    void anUnknownOrMalformedClaimIdAndAnUnknownStatusAreNamed() {
        ResponseEntity<Map<String, Object>> unknown = api.post("warehouse1",
                "/api/supplier-claims/" + Long.MAX_VALUE + "/ship", Map.of());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("claimId");

        ResponseEntity<Map<String, Object>> malformed = api.post("warehouse1", "/api/supplier-claims/abc/ship",
                Map.of());
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(malformed)).containsExactly("claimId");

        ResponseEntity<Map<String, Object>> status = api.get("finance1", "/api/supplier-claims?status=LOST");
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(status)).containsExactly("status");
    }

    @Test
    void claimsNeedCredentials() {
        assertThat(http.getForEntity("/api/supplier-claims", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/supplier-claims/" + claimId + "/ship", HttpMethod.POST, HttpEntity.EMPTY,
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.VENDOR_RETURN, 1));
    }

    private ResponseEntity<Map<String, Object>> ship(String user) {
        return api.post(user, "/api/supplier-claims/" + claimId + "/ship", Map.of());
    }
}
