package org.openreturns.transfers;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Transfers between warehouses through the HTTP API: out to the destination's IN_TRANSIT, then into its SELLABLE. */
@ReturnsIntegrationTest
class TransferApiTest {

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
    String source;
    String destination;
    Map<LocationType, Long> sourceLocations;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        fixtures = new LedgerFixtures(db);
        source = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        destination = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        sourceLocations = fixtures.warehouse(source);
        fixtures.warehouse(destination);
    }

    @Test
    void stockInTransitIsOnTheBooksButNotForSaleUntilTheDestinationReceivesIt() {
        String tee = stocked(6, 1000);
        String watch = fixtures.product(true);
        ledger.record(StockMoveRequest.openingStock(UUID.randomUUID().toString(), watch, "SN-T1", 1,
                sourceLocations.get(LocationType.SELLABLE), 20000, "tester"));
        String transferId = "TR-" + UUID.randomUUID();

        ResponseEntity<Map<String, Object>> sent = api.post("warehouse1", "/api/transfers",
                transfer(transferId, line(tee, 4), line(watch, 1, "SN-T1")));

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(sent.getBody()).containsEntry("status", "IN_TRANSIT");
        assertThat(ledger.onHand(tee)).containsExactlyInAnyOrder(new OnHand(source, LocationType.SELLABLE, 2),
                new OnHand(destination, LocationType.IN_TRANSIT, 4));
        assertThat(ledger.availableToSell(tee)).isEqualTo(2);
        long outMove = ledger.recordedMove("transfer-" + transferId + "-out-line-1").orElseThrow().moveId();
        assertThat(journal.entriesOfSource(JournalEntryDraft.SourceType.STOCK_MOVE, String.valueOf(outMove)))
                .singleElement().satisfies(entry -> assertThat(entry.lines()).contains(
                        new JournalEntryView.LineView(Accounts.INVENTORY_IN_TRANSIT, 4000, 0),
                        new JournalEntryView.LineView(Accounts.INVENTORY_SELLABLE, 0, 4000)));

        ResponseEntity<Map<String, Object>> received = api.post("warehouse1",
                "/api/transfers/" + transferId + "/receipt", Map.of("receivedAt", "2026-12-03T09:00:00Z"));
        ResponseEntity<Map<String, Object>> again = api.post("warehouse1",
                "/api/transfers/" + transferId + "/receipt", Map.of("receivedAt", "2026-12-03T09:00:00Z"));
        ResponseEntity<Map<String, Object>> otherTime = api.post("warehouse1",
                "/api/transfers/" + transferId + "/receipt", Map.of("receivedAt", "2026-12-04T09:00:00Z"));

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(received.getBody()).containsEntry("status", "RECEIVED").containsEntry("receivedBy", "warehouse1");
        assertThat(again.getBody()).isEqualTo(received.getBody());
        assertThat(otherTime.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ledger.onHand(tee)).containsExactlyInAnyOrder(new OnHand(source, LocationType.SELLABLE, 2),
                new OnHand(destination, LocationType.SELLABLE, 4));
        assertThat(ledger.onHand(watch)).containsExactly(new OnHand(destination, LocationType.SELLABLE, 1));
        assertThat(ledger.availableToSell(tee)).isEqualTo(6);
    }

    @Test
    void theSameTransferSentAgainMovesOnceAndAnotherWithItsIdIsRefused() {
        String tee = stocked(6, 1000);
        String transferId = "TR-" + UUID.randomUUID();

        ResponseEntity<Map<String, Object>> first = api.post("inventory1", "/api/transfers",
                transfer(transferId, line(tee, 2)));
        ResponseEntity<Map<String, Object>> again = api.post("inventory1", "/api/transfers",
                transfer(transferId, line(tee, 2)));
        ResponseEntity<Map<String, Object>> other = api.post("inventory1", "/api/transfers",
                transfer(transferId, line(tee, 3)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ledger.onHand(tee)).containsExactlyInAnyOrder(new OnHand(source, LocationType.SELLABLE, 4),
                new OnHand(destination, LocationType.IN_TRANSIT, 2));
    }

    @Test
    void aTransferTheSourceCannotCoverOrThatNamesUnknownThingsIsRefusedAndMovesNothing() {
        String tee = stocked(2, 1000);

        ResponseEntity<Map<String, Object>> tooMany = api.post("warehouse1", "/api/transfers",
                transfer("TR-" + UUID.randomUUID(), line(tee, 3)));
        ResponseEntity<Map<String, Object>> unknown = api.post("warehouse1", "/api/transfers",
                Map.of("transferId", "TR-" + UUID.randomUUID(), "fromWarehouse", source, "toWarehouse", source,
                        "shippedAt", "2026-12-01T10:00:00Z", "lines", List.of(line("NO-SUCH-SKU", 1))));
        ResponseEntity<Map<String, Object>> notSent = api.post("warehouse1", "/api/transfers/TR-NONE/receipt",
                Map.of("receivedAt", "2026-12-03T09:00:00Z"));

        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(tooMany).get("lines[0].quantity")).contains("Not enough stock");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(unknown)).containsExactlyInAnyOrder("toWarehouse", "lines[0].sku");
        assertThat(notSent.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(source, LocationType.SELLABLE, 2));
    }

    private String stocked(int quantity, long unitCost) {
        String sku = fixtures.product(false);
        ledger.record(StockMoveRequest.openingStock(UUID.randomUUID().toString(), sku, null, quantity,
                sourceLocations.get(LocationType.SELLABLE), unitCost, "tester"));
        return sku;
    }

    @SafeVarargs
    private Map<String, Object> transfer(String transferId, Map<String, Object>... lines) {
        return Map.of("transferId", transferId, "fromWarehouse", source, "toWarehouse", destination,
                "shippedAt", "2026-12-01T10:00:00Z", "lines", List.of(lines));
    }

    private static Map<String, Object> line(String sku, int quantity, String... serials) {
        return Map.of("sku", sku, "quantity", quantity, "serials", List.of(serials));
    }
}
