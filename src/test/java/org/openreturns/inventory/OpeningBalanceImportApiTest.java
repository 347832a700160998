package org.openreturns.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.LocationType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Opening balances from CSV through the HTTP API: whole or not at all, a bad row named by line and column. */
@ReturnsIntegrationTest
class OpeningBalanceImportApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    StockLedger ledger;
    @Autowired
    OpeningBalanceImport imports;

    LedgerFixtures fixtures;
    String warehouse;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(db);
        warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.warehouse(warehouse);
    }

    @Test
    void aFileIsImportedIntoItsLocationsAtItsCostsOnce() {
        String tee = fixtures.product(false);
        String watch = fixtures.product(true);
        String csv = "sku,quantity,unitCost,locationType,serial\n"
                + tee + ",10,6.40,,\n"
                + tee + ",2,6.40,QUARANTINE,\n"
                + watch + ",1,180.00,SELLABLE,SN-OB-1\n";
        String importId = "OB-" + UUID.randomUUID();

        ResponseEntity<Map<String, Object>> first = post("inventory1", importId, csv);
        ResponseEntity<Map<String, Object>> again = post("inventory1", importId, csv);
        ResponseEntity<Map<String, Object>> otherFile = post("inventory1", importId, csv + tee + ",1,6.40,,\n");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("rows", 3).containsEntry("units", 13);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(otherFile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ledger.onHand(tee)).containsExactlyInAnyOrder(new OnHand(warehouse, LocationType.SELLABLE, 10),
                new OnHand(warehouse, LocationType.QUARANTINE, 2));
        assertThat(ledger.onHand(watch)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 1));
        assertThat(ledger.valueOf(tee, locationId(LocationType.SELLABLE), 10)).isEqualTo(6400);
    }

    @Test
    void badRowsAreNamedByLineAndColumnAndNothingIsImported() {
        String tee = fixtures.product(false);
        String watch = fixtures.product(true);
        String csv = "sku,quantity,unitCost,locationType,serial\n"
                + tee + ",10,6.40,,\n"
                + "NO-SUCH-SKU,1,1.00,,\n"
                + tee + ",zero,6.405,CUSTOMER,\n"
                + watch + ",1,180.00,,\n";

        ResponseEntity<Map<String, Object>> refused = post("inventory1", "OB-" + UUID.randomUUID(), csv);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("line 3, column sku",
                "line 4, column quantity", "line 4, column unitCost", "line 4, column locationType",
                "line 5, column serial");
        assertThat(ledger.onHand(tee)).isEmpty();
    }

    @Test
    void aRowTheLedgerRefusesIsNamedAndNothingOfTheFileIsImported() {
        String tee = fixtures.product(false);
        String watch = fixtures.product(true);
        post("inventory1", "OB-" + UUID.randomUUID(), "sku,quantity,unitCost,serial\n" + watch + ",1,180.00,SN-HELD\n");

        ResponseEntity<Map<String, Object>> refused = post("inventory1", "OB-" + UUID.randomUUID(),
                "sku,quantity,unitCost,serial\n" + tee + ",4,6.40,\n" + watch + ",1,180.00,SN-HELD\n");
        ResponseEntity<Map<String, Object>> badHeader = post("inventory1", "OB-" + UUID.randomUUID(),
                "sku,qty,unitCost\n" + tee + ",4,6.40\n");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(refused).get("line 3, column serial")).contains("SN-HELD");
        assertThat(badHeader.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(badHeader)).containsExactlyInAnyOrder("line 1, column quantity",
                "line 1, column qty");
        assertThat(ledger.onHand(tee)).isEmpty();
        assertThat(ledger.onHand(watch)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 1));
    }

    @Test
    void aLargeFileIsReadAsAStreamAndRecordedInBatches() {
        StringBuilder csv = new StringBuilder("sku,quantity,unitCost\n");
        List<String> skus = List.of(fixtures.product(false), fixtures.product(false), fixtures.product(false));
        for (int i = 0; i < 4_500; i++) {
            csv.append(skus.get(i % 3)).append(",1,2.50\n");
        }

        OpeningBalanceImport.Imported imported = imports.importCsv("OB-" + UUID.randomUUID(), warehouse,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "inventory1");

        assertThat(imported.rows()).isEqualTo(4_500);
        assertThat(skus).allSatisfy(sku -> assertThat(ledger.onHand(sku))
                .containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 1_500)));
    }

    @Test
    void aBadRowAfterBatchesWereRecordedTakesThemBackToo() {
        String tee = fixtures.product(false);
        StringBuilder csv = new StringBuilder("sku,quantity,unitCost\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append(tee).append(",1,2.50\n");
        }
        csv.append(tee).append(",-1,2.50\n");

        ResponseEntity<Map<String, Object>> refused = post("inventory1", "OB-" + UUID.randomUUID(), csv.toString());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("line 2502, column quantity");
        assertThat(ledger.onHand(tee)).isEmpty();
    }

    @Test
    void onlyInventoryControlImportsOpeningBalances() {
        assertThat(post("warehouse1", "OB-" + UUID.randomUUID(), "sku,quantity,unitCost\n").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private long locationId(LocationType type) {
        return db.select(org.openreturns.db.Tables.LOCATION.ID).from(org.openreturns.db.Tables.LOCATION)
                .where(org.openreturns.db.Tables.LOCATION.WAREHOUSE_CODE.eq(warehouse))
                .and(org.openreturns.db.Tables.LOCATION.TYPE.eq(type.name())).fetchSingle().value1();
    }

    private ResponseEntity<Map<String, Object>> post(String user, String importId, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth(user, "demo").exchange("/api/opening-balances?importId=" + importId
                        + "&warehouse=" + warehouse, HttpMethod.POST, new HttpEntity<>(csv, headers),
                new ParameterizedTypeReference<>() {
                });
    }
}
