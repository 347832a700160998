package org.openreturns.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;

import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo catalogue on a first start: an application context of its own with demo data on, so its database
 * starts empty like a newcomer's first {@code mvn spring-boot:run}.
 */
@ReturnsIntegrationTest
@TestPropertySource(properties = "returns.demo-data=true")
class DemoCatalogueTest {

    @Autowired
    DemoCatalogue demoCatalogue;
    @Autowired
    CatalogService catalog;
    @Autowired
    DSLContext db;
    @Autowired
    TestRestTemplate http;

    @Test
    void theFirstStartLoadsTheWholeFileWithItsTwoWarehouses() {
        ApiClient api = new ApiClient(http);

        assertThat(api.getList("support1", "/api/warehouses").getBody())
                .extracting(warehouse -> warehouse.get("code"), warehouse -> warehouse.get("country"))
                .containsExactly(tuple("WH-BER", "DE"), tuple("WH-WAW", "PL"));
        DemoCatalogue.Contents file = demoCatalogue.read();
        assertThat(db.fetchCount(PRODUCT)).isEqualTo(file.products().size()).isGreaterThanOrEqualTo(40);
        assertThat(db.fetchCount(SUPPLIER)).isEqualTo(file.suppliers().size());
        assertThat(db.select(PRODUCT.UPDATED_BY).from(PRODUCT).fetchSet(PRODUCT.UPDATED_BY))
                .containsExactly(DemoCatalogue.ACTOR);
    }

    @Test
    void theCatalogueHoldsFinalSaleItemsAndSerializedHighValueItems() {
        assertThat(catalog.product("WATCH-S2")).hasValueSatisfying(watch -> {
            assertThat(watch.serialized()).isTrue();
            assertThat(watch.priceMinor()).isEqualTo(64900);
        });
        assertThat(catalog.product("EARBUDS-ANC")).hasValueSatisfying(earbuds ->
                assertThat(earbuds.highValueThresholdMinor()).isEqualTo(20000));
        assertThat(catalog.products("swimwear")).isNotEmpty().allMatch(Product::finalSale);
        assertThat(catalog.products("t-shirts")).extracting(Product::sku).contains("TSHIRT-BLK-M");
    }

    @Test
    void loadingAgainDuplicatesNothing() {
        Map<String, Integer> before = counts();

        demoCatalogue.loadOnFirstStart();
        demoCatalogue.load();

        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Integer> counts() {
        return Map.of("suppliers", db.fetchCount(SUPPLIER), "warehouses", db.fetchCount(WAREHOUSE),
                "locations", db.fetchCount(LOCATION), "products", db.fetchCount(PRODUCT));
    }

    @Test
    void theDemoWarehousesHoldOpeningStockAndOnlySellableStockIsAvailable() {
        ApiClient api = new ApiClient(http);

        Map<String, Object> tShirt = api.get("support1", "/api/inventory/TSHIRT-BLK-M").getBody();
        assertThat(tShirt).containsEntry("availableToSell", 36);
        Map<String, Object> watch = api.get("support1", "/api/inventory/WATCH-S2").getBody();
        assertThat(watch).containsEntry("availableToSell", 5);
    }
}
