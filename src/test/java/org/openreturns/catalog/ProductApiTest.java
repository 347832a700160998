package org.openreturns.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.catalog.MasterData.supplier;
import static org.openreturns.catalog.MasterData.tshirt;
import static org.openreturns.catalog.MasterData.uniqueCode;
import static org.openreturns.db.Tables.PRODUCT;

import java.math.BigDecimal;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ReturnsIntegrationTest
class ProductApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    CatalogService catalog;
    @Autowired
    StockLedger stockLedger;
    @Autowired
    IdentityService identityService;

    ApiClient api;
    String supplierCode;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        supplierCode = uniqueCode("SUP");
        api.post("admin", "/api/suppliers", supplier(supplierCode));
    }

    @Test
    void aNewProductIsCreatedWithItsPricesInMinorUnits() {
        String sku = uniqueCode("TSHIRT");
        Map<String, Object> watch = tshirt(sku, supplierCode);
        watch.put("serialized", true);
        watch.put("highValueThreshold", new BigDecimal("200"));

        ResponseEntity<Map<String, Object>> created = api.post("admin", "/api/products", watch);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/products/" + sku);
        assertThat(catalog.product(sku)).hasValue(new Product(sku, "Organic cotton T-shirt " + sku, "t-shirts",
                supplierCode, "EUR", 640, 1990, true, false, 20000L, null));
        assertThat(api.get("support1", "/api/products/" + sku).getBody())
                .containsEntry("unitCost", 6.40).containsEntry("price", 19.90).containsEntry("serialized", true)
                .containsEntry("finalSale", false).containsEntry("highValueThreshold", 200.00)
                .containsEntry("supplier", supplierCode);
    }

    @Test
    void postingAProductAgainUpdatesItBySku() {
        String sku = uniqueCode("TSHIRT");
        Map<String, Object> product = tshirt(sku, supplierCode);
        api.post("admin", "/api/products", product);
        product.put("price", new BigDecimal("24.90"));
        product.put("finalSale", true);

        ResponseEntity<Map<String, Object>> updated = api.post("admin", "/api/products", product);

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("price", 24.90).containsEntry("finalSale", true);
        assertThat(db.fetchCount(PRODUCT, PRODUCT.SKU.eq(sku))).isEqualTo(1);
    }

    @Test
    void aProductRecordsWhoChangedItLastAndAnUnchangedResendChangesNothing() {
        String sku = uniqueCode("TSHIRT");
        Map<String, Object> product = tshirt(sku, supplierCode);
        // Only admin changes master data: a second user in that group resends and renames.
        String colleague = userInAdminGroup("catalog1");
        api.post("admin", "/api/products", product);

        assertThat(api.post(colleague, "/api/products", product).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastChangedBy(sku)).isEqualTo("admin");

        product.put("name", "Renamed " + sku);
        api.post(colleague, "/api/products", product);
        assertThat(lastChangedBy(sku)).isEqualTo(colleague);
    }

    @Test
    void onlyAdminChangesAProduct() {
        String sku = uniqueCode("TSHIRT");

        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/products", tshirt(sku, supplierCode));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(catalog.product(sku)).isEmpty();
    }

    private String userInAdminGroup(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(userId, "admin");
        }
        return userId;
    }

    @Test
    void productsAreListedAndFilteredByCategory() {
        String tshirt = uniqueCode("TSHIRT");
        String cap = uniqueCode("CAP");
        String caps = uniqueCode("caps");
        api.post("admin", "/api/products", tshirt(tshirt, supplierCode));
        Map<String, Object> capProduct = tshirt(cap, supplierCode);
        capProduct.put("category", caps);
        api.post("admin", "/api/products", capProduct);

        assertThat(api.getList("support1", "/api/products").getBody()).extracting(p -> p.get("sku"))
                .contains(tshirt, cap);
        assertThat(api.getList("support1", "/api/products?category=" + caps).getBody())
                .extracting(p -> p.get("sku")).containsExactly(cap);
    }

    @Test
    void anUnknownSkuIsNotFound() {
        ResponseEntity<Map<String, Object>> missing = api.get("support1", "/api/products/NO-SUCH-SKU");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(missing)).containsExactly("sku");
    }

    @Test
    void missingAndMalformedFieldsAreNamedInTheProblem() {
        Map<String, Object> product = tshirt("T SHIRT/BLACK", supplierCode);
        product.remove("name");
        product.put("price", new BigDecimal("-1"));
        product.put("currency", "euro");

        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/products", product);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(ApiClient.problemFields(refused)).containsExactly("currency", "name", "price", "sku");
    }

    @Test
    void anUnknownSupplierAndPricesFinerThanTheCurrencyAreRefusedByName() {
        Map<String, Object> product = tshirt(uniqueCode("TSHIRT"), "NO-SUCH-SUPPLIER");
        product.put("unitCost", new BigDecimal("6.401"));
        product.put("highValueThreshold", new BigDecimal("200.001"));

        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/products", product);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("supplier", "unitCost",
                "highValueThreshold");
    }

    @Test
    void aCurrencyCodeThatIsNoCurrencyIsRefused() {
        Map<String, Object> product = tshirt(uniqueCode("TSHIRT"), supplierCode);
        product.put("currency", "ABC");

        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/products", product);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("currency");
    }

    @Test
    void whetherAProductIsSerializedCannotChangeOnceItsStockHasMoved() {
        String sku = uniqueCode("TSHIRT");
        Map<String, Object> product = tshirt(sku, supplierCode);
        api.post("admin", "/api/products", product);
        String warehouse = uniqueCode("WH");
        api.post("admin", "/api/warehouses", MasterData.warehouse(warehouse));
        stockLedger.record(StockMoveRequest.purchaseReceipt(uniqueCode("RECEIPT"), sku, null, 5,
                catalog.locationId(warehouse, LocationType.SELLABLE), 640L, "PO-1", "warehouse1"));
        product.put("serialized", true);
        product.put("currency", "PLN");

        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/products", product);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("serialized", "currency");
        assertThat(catalog.product(sku)).hasValueSatisfying(stored -> assertThat(stored.serialized()).isFalse());
    }

    private String lastChangedBy(String sku) {
        return db.select(PRODUCT.UPDATED_BY).from(PRODUCT).where(PRODUCT.SKU.eq(sku)).fetchOne(PRODUCT.UPDATED_BY);
    }
}
