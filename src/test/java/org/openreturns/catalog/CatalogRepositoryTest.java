package org.openreturns.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.catalog.MasterData.uniqueCode;
import static org.openreturns.db.Tables.PRODUCT;

import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.db.tables.records.ProductRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the catalogue, on PostgreSQL; each test rolls back. */
@ReturnsIntegrationTest
@Transactional
class CatalogRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-23T09:00:00Z");
    private static final OffsetDateTime TUESDAY = MONDAY.plusDays(1);

    @Autowired
    CatalogRepository catalog;
    @Autowired
    DSLContext db;

    String supplierCode;

    @BeforeEach
    void setUp() {
        supplierCode = uniqueCode("SUP");
        catalog.insertSupplier(new Supplier(supplierCode, "Test supplier", null), MONDAY, "tester");
    }

    @Test
    void anUpdateThatChangesNothingLeavesWhoAndWhenAsTheyWere() {
        Product product = tshirt(uniqueCode("TSHIRT"), 1990);
        catalog.insertProduct(product, MONDAY, "first");

        catalog.updateProductIfChanged(product, TUESDAY, "second");

        ProductRecord row = row(product.sku());
        assertThat(row.getUpdatedBy()).isEqualTo("first");
        assertThat(row.getUpdatedAt()).isEqualTo(MONDAY);
    }

    @Test
    void anUpdateThatChangesAValueRecordsWhoAndWhen() {
        Product product = tshirt(uniqueCode("TSHIRT"), 1990);
        catalog.insertProduct(product, MONDAY, "first");

        catalog.updateProductIfChanged(tshirt(product.sku(), 2490), TUESDAY, "second");

        ProductRecord row = row(product.sku());
        assertThat(row.getPriceMinor()).isEqualTo(2490);
        assertThat(row.getUpdatedBy()).isEqualTo("second");
        assertThat(row.getUpdatedAt()).isEqualTo(TUESDAY);
        assertThat(row.getCreatedAt()).isEqualTo(MONDAY);
    }

    @Test
    void anExistingCodeIsNotInsertedTwice() {
        Product product = tshirt(uniqueCode("TSHIRT"), 1990);

        assertThat(catalog.insertProduct(product, MONDAY, "tester")).isTrue();
        assertThat(catalog.insertProduct(tshirt(product.sku(), 990), TUESDAY, "tester")).isFalse();
        assertThat(catalog.product(product.sku())).hasValue(product);
    }

    @Test
    void missingLocationsAreAddedOnceInTheOrderOfTheirTypes() {
        String code = uniqueCode("WH");
        catalog.insertWarehouse(new WarehouseRequest(code, "Test warehouse", "DE"), MONDAY, "tester");

        catalog.addMissingLocations(code);
        catalog.addMissingLocations(code);

        assertThat(catalog.warehouse(code)).hasValueSatisfying(warehouse -> assertThat(warehouse.locations())
                .extracting(Location::type).containsExactly(LocationType.values()));
    }

    @Test
    void productsAreFoundByCategory() {
        String category = uniqueCode("scarves");
        Product scarf = new Product(uniqueCode("SCARF"), "Wool scarf", category, supplierCode, "EUR", 1250, 3900,
                false, false, null, null);
        catalog.insertProduct(scarf, MONDAY, "tester");
        catalog.insertProduct(tshirt(uniqueCode("TSHIRT"), 1990), MONDAY, "tester");

        assertThat(catalog.products(category)).containsExactly(scarf);
    }

    private Product tshirt(String sku, long priceMinor) {
        return new Product(sku, "T-shirt", "t-shirts", supplierCode, "EUR", 640, priceMinor, false, false, null, 250);
    }

    private ProductRecord row(String sku) {
        return db.selectFrom(PRODUCT).where(PRODUCT.SKU.eq(sku)).fetchOne();
    }
}
