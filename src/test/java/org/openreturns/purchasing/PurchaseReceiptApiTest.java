package org.openreturns.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Accounts;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.OnHand;
import org.openreturns.inventory.StockLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Supplier receipts through the HTTP API: into SELLABLE at their cost, posted against goods received not invoiced. */
@ReturnsIntegrationTest
class PurchaseReceiptApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    StockLedger ledger;
    @Autowired
    Journal journal;

    ApiClient api;
    LedgerFixtures fixtures;
    String warehouse;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        fixtures = new LedgerFixtures(db);
        warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.warehouse(warehouse);
    }

    @Test
    void receivedGoodsEnterSellableStockAtTheirCostAgainstGoodsReceivedNotInvoiced() {
        String tee = fixtures.product(false);
        String watch = fixtures.product(true);
        String receiptId = "GRN-" + UUID.randomUUID();

        ResponseEntity<Map<String, Object>> received = api.post("warehouse1", "/api/purchase-receipts",
                receipt(receiptId, line(tee, 10, "6.40"), line(watch, 2, "180.00", "SN-A", "SN-B")));

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(lines(received)).extracting(line -> line.get("unitCostMinor")).containsExactly(640, 18000);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 10));
        assertThat(ledger.onHand(watch)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 2));
        assertThat(ledger.availableToSell(tee)).isEqualTo(10);
        long moveId = ledger.recordedMove("purchase-receipt-" + receiptId + "-line-1").orElseThrow().moveId();
        assertThat(journal.entriesOfSource(JournalEntryDraft.SourceType.STOCK_MOVE, String.valueOf(moveId)))
                .singleElement().satisfies(entry -> assertThat(entry.lines()).contains(
                        new JournalEntryView.LineView(Accounts.INVENTORY_SELLABLE, 6400, 0),
                        new JournalEntryView.LineView(Accounts.GOODS_RECEIVED_NOT_INVOICED, 0, 6400)));
    }

    @Test
    void theSameReceiptSentAgainIsBookedOnceAndAnotherWithItsIdIsRefused() {
        String tee = fixtures.product(false);
        String receiptId = "GRN-" + UUID.randomUUID();
        Map<String, Object> receipt = receipt(receiptId, line(tee, 3, "6.40"));

        ResponseEntity<Map<String, Object>> first = api.post("warehouse1", "/api/purchase-receipts", receipt);
        ResponseEntity<Map<String, Object>> again = api.post("warehouse1", "/api/purchase-receipts", receipt);
        ResponseEntity<Map<String, Object>> other = api.post("warehouse1", "/api/purchase-receipts",
                receipt(receiptId, line(tee, 4, "6.40")));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 3));
    }

    @Test
    void aReceiptThatBreaksARuleIsRefusedNamingTheFieldAndBooksNothing() {
        String tee = fixtures.product(false);
        String watch = fixtures.product(true);
        api.post("warehouse1", "/api/purchase-receipts",
                receipt("GRN-" + UUID.randomUUID(), line(watch, 1, "180.00", "SN-HELD")));
        Map<String, Object> elsewhere = new HashMap<>(receipt("GRN-" + UUID.randomUUID(), line(tee, 1, "6.40")));
        elsewhere.put("warehouse", "WH-NOWHERE");

        ResponseEntity<Map<String, Object>> broken = api.post("warehouse1", "/api/purchase-receipts",
                receipt("GRN-" + UUID.randomUUID(), line(tee, 2, "6.405"), line("NO-SUCH-SKU", 1, "1.00"),
                        line(watch, 2, "180.00", "SN-C"), line(tee, 1, "6.40", "SN-X")));
        ResponseEntity<Map<String, Object>> serialHeld = api.post("warehouse1", "/api/purchase-receipts",
                receipt("GRN-" + UUID.randomUUID(), line(tee, 1, "6.40"), line(watch, 1, "180.00", "SN-HELD")));
        ResponseEntity<Map<String, Object>> unknownWarehouse = api.post("warehouse1", "/api/purchase-receipts",
                elsewhere);

        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(broken)).containsExactlyInAnyOrder("lines[0].unitCost", "lines[1].sku",
                "lines[2].serials", "lines[3].serials");
        assertThat(serialHeld.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(serialHeld).get("lines[1].serials")).contains("SN-HELD");
        assertThat(unknownWarehouse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(unknownWarehouse)).containsExactly("warehouse");
        assertThat(ledger.onHand(tee)).isEmpty();
        assertThat(ledger.onHand(watch)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 1));
    }

    @Test
    void onlyTheWarehouseReceivesGoods() {
        String tee = fixtures.product(false);

        assertThat(api.post("support1", "/api/purchase-receipts", receipt("GRN-" + UUID.randomUUID(),
                line(tee, 1, "6.40"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SafeVarargs
    private Map<String, Object> receipt(String receiptId, Map<String, Object>... lines) {
        return Map.of("receiptId", receiptId, "purchaseOrderId", "PO-4711", "warehouse", warehouse,
                "receivedAt", "2026-12-01T07:30:00Z", "lines", List.of(lines));
    }

    private static Map<String, Object> line(String sku, int quantity, String unitCost, String... serials) {
        return Map.of("sku", sku, "quantity", quantity, "unitCost", new BigDecimal(unitCost),
                "serials", List.of(serials));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(ResponseEntity<Map<String, Object>> answer) {
        return (List<Map<String, Object>>) answer.getBody().get("lines");
    }
}
