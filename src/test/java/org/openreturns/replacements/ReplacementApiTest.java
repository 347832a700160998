package org.openreturns.replacements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ResolvedReturns;
import org.openreturns.ResolvedReturns.Line;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/replacements}: replacement orders by status, through HTTP. */
@ReturnsIntegrationTest
class ReplacementApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReplacementOrders replacements;
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

    @Test
    void replacementsAreListedByStatus() {
        ApiClient api = new ApiClient(http);
        ResolvedReturns returns = new ResolvedReturns(db, orders, ledger, catalog, journal);
        String warehouse = returns.warehouse();
        String sku = returns.product(false);
        returns.onTheShelf(warehouse, sku, 1);
        Line shipped = returns.returned(warehouse, sku, null);
        Line backordered = returns.returned(warehouse, sku, null);
        replacements.create(shipped.returnId(), 1, sku, 1, warehouse, "system");
        replacements.create(backordered.returnId(), 1, sku, 1, warehouse, "system");

        assertThat(api.getList("support1", "/api/replacements?status=SHIPPED").getBody())
                .filteredOn(order -> sku.equals(order.get("sku"))).singleElement().satisfies(order -> {
                    assertThat(order).containsEntry("returnId", shipped.returnId().toString())
                            .containsEntry("lineNo", 1).containsEntry("quantity", 1)
                            .containsEntry("warehouse", warehouse).containsEntry("status", "SHIPPED");
                    assertThat(order.get("stockMoveId")).isNotNull();
                });
        assertThat(api.getList("support1", "/api/replacements?status=BACKORDERED").getBody())
                .filteredOn(order -> sku.equals(order.get("sku"))).singleElement()
                .satisfies(order -> assertThat(order).containsEntry("returnId", backordered.returnId().toString())
                        .doesNotContainKey("stockMoveId"));
        assertThat(api.getList("support1", "/api/replacements").getBody())
                .filteredOn(order -> sku.equals(order.get("sku"))).hasSize(2);
    }

    @Test
    void anUnknownStatusIsNamed() {
        ResponseEntity<Map<String, Object>> refused = new ApiClient(http).get("support1", "/api/replacements?status=LOST");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("status");
    }

    @Test
    void replacementsNeedCredentials() {
        assertThat(http.getForEntity("/api/replacements", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
