package org.openreturns.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.OnHand;
import org.openreturns.inventory.StockLedger;
import org.openreturns.system.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * Purchase orders through the HTTP API: recorded once, received against by supplier receipts that are checked
 * against what is outstanding, and closed when the supplier will not deliver the rest.
 */
@ReturnsIntegrationTest
class PurchaseOrderApiTest {

    /** The supplier {@link LedgerFixtures#product} makes its products' supplier. */
    private static final String SUPPLIER = "SUP-TEST";

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    StockLedger ledger;
    @Autowired
    PurchaseOrderRepository orderRepository;
    @Autowired
    CatalogService catalog;

    ApiClient api;
    LedgerFixtures fixtures;
    String warehouse;
    String tee;
    String mug;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        fixtures = new LedgerFixtures(db);
        warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.warehouse(warehouse);
        tee = fixtures.product(false);
        mug = fixtures.product(false);
    }

    @Test
    void anOrderIsRecordedOnceAndShowsWhatIsOutstanding() {
        String id = "PO-" + UUID.randomUUID();
        Map<String, Object> order = order(id, line(1, tee, 10, "6.40"), line(2, mug, 5, "2.05"));

        ResponseEntity<Map<String, Object>> created = api.post("inventory1", "/api/purchase-orders", order);
        ResponseEntity<Map<String, Object>> again = api.post("manager1", "/api/purchase-orders", order);
        ResponseEntity<Map<String, Object>> other = api.post("inventory1", "/api/purchase-orders",
                order(id, line(1, tee, 12, "6.40"), line(2, mug, 5, "2.05")));
        ResponseEntity<Map<String, Object>> shown = api.get("warehouse1", "/api/purchase-orders/" + id);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("status", "OPEN").containsEntry("recordedBy", "inventory1")
                .containsEntry("supplier", SUPPLIER).containsKey("recordedAt");
        assertThat(lines(created)).extracting(line -> line.get("unitCostMinor"), line -> line.get("ordered"),
                        line -> line.get("received"), line -> line.get("outstanding"))
                .containsExactly(tuple(640, 10, 0, 10),
                        tuple(205, 5, 0, 5));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(created.getBody());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) other.getBody().get("detail")).contains(id).contains("lines");
        assertThat(shown.getBody()).isEqualTo(created.getBody());
        assertThat(api.get("warehouse1", "/api/purchase-orders/PO-NOT-THERE").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anOrderThatBreaksARuleIsRefusedNamingTheFieldAndStoresNothing() {
        String id = "PO-" + UUID.randomUUID();
        Map<String, Object> broken = new HashMap<>(order(id, line(1, tee, 10, "6.405"), line(1, mug, 5, "2.05"),
                line(3, "NO-SUCH-SKU", 1, "1.00"), line(4, tee, 1, "6.40")));
        broken.put("supplier", "NO-SUCH-SUPPLIER");
        broken.put("expectedAt", "2026-11-01T08:00:00Z");
        Map<String, Object> elsewhere = new HashMap<>(order(id, line(1, tee, 1, "6.40")));
        elsewhere.put("warehouse", "WH-NOWHERE");
        elsewhere.put("currency", "XYZ");
        elsewhere.put("orderedAt", "+999999999-12-31T23:59:59Z");

        ResponseEntity<Map<String, Object>> refused = api.post("inventory1", "/api/purchase-orders", broken);
        ResponseEntity<Map<String, Object>> unknownPlace = api.post("inventory1", "/api/purchase-orders", elsewhere);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("supplier", "expectedAt",
                "lines[0].unitCost", "lines[1].lineNo", "lines[2].sku", "lines[3].sku");
        assertThat(ApiClient.problems(refused).get("lines[3].sku")).contains("line 1");
        assertThat(unknownPlace.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(unknownPlace)).containsExactlyInAnyOrder("warehouse", "currency", "orderedAt");
        assertThat(api.get("inventory1", "/api/purchase-orders/" + id).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void receiptsAgainstTheOrderAreCheckedAgainstWhatIsOutstanding() {
        String id = "PO-" + UUID.randomUUID();
        String other = fixtures.product(false);
        api.post("inventory1", "/api/purchase-orders", order(id, line(1, tee, 10, "6.40"), line(2, mug, 5, "2.05")));

        ResponseEntity<Map<String, Object>> first = api.post("warehouse1", "/api/purchase-receipts",
                receipt(id, receiptLine(tee, 4)));
        ResponseEntity<Map<String, Object>> partly = api.get("inventory1", "/api/purchase-orders/" + id);
        ResponseEntity<Map<String, Object>> tooMuch = api.post("warehouse1", "/api/purchase-receipts",
                receipt(id, receiptLine(other, 1), receiptLine(tee, 5), receiptLine(mug, 5), receiptLine(tee, 2)));
        ResponseEntity<Map<String, Object>> rest = api.post("warehouse1", "/api/purchase-receipts",
                receipt(id, receiptLine(tee, 6), receiptLine(mug, 5)));
        ResponseEntity<Map<String, Object>> received = api.get("inventory1", "/api/purchase-orders/" + id);
        ResponseEntity<Map<String, Object>> oneMore = api.post("warehouse1", "/api/purchase-receipts",
                receipt(id, receiptLine(mug, 1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(partly.getBody()).containsEntry("status", "PARTLY_RECEIVED");
        assertThat(lines(partly)).extracting(line -> line.get("received"), line -> line.get("outstanding"))
                .containsExactly(tuple(4, 6), tuple(0, 5));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(tooMuch)).containsExactlyInAnyOrder("lines[0].sku", "lines[3].quantity");
        assertThat(ApiClient.problems(tooMuch).get("lines[0].sku")).contains(id);
        assertThat(ApiClient.problems(tooMuch).get("lines[3].quantity")).contains("11 of 10").contains("at most 6");
        assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(received.getBody()).containsEntry("status", "RECEIVED");
        assertThat(lines(received)).extracting(line -> line.get("outstanding")).containsExactly(0, 0);
        assertThat(oneMore.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(oneMore)).containsExactly("lines[0].quantity");
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 10));
        assertThat(ledger.onHand(mug)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 5));
        assertThat(ledger.onHand(other)).isEmpty();
        assertThat(ids(api.getList("finance1", "/api/purchase-orders?supplier=" + SUPPLIER + "&status=RECEIVED")))
                .contains(id);
        assertThat(ids(api.getList("finance1", "/api/purchase-orders?supplier=" + SUPPLIER + "&status=OPEN")))
                .doesNotContain(id);
        assertThat(ids(api.getList("finance1", "/api/purchase-orders?supplier=NO-SUCH-SUPPLIER"))).isEmpty();
        ResponseEntity<Map<String, Object>> unknownStatus = api.get("finance1", "/api/purchase-orders?status=SOMEWHAT");
        assertThat(unknownStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(unknownStatus)).containsExactly("status");
    }

    @Test
    void twoReceiptsAtOnceCannotBothTakeTheLastOutstandingUnits() throws Exception {
        String id = "PO-" + UUID.randomUUID();
        api.post("inventory1", "/api/purchase-orders", order(id, line(1, tee, 10, "6.40")));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> answers = callers.invokeAll(List.of(
                    () -> api.post("warehouse1", "/api/purchase-receipts", receipt(id, receiptLine(tee, 6))),
                    () -> api.post("warehouse1", "/api/purchase-receipts", receipt(id, receiptLine(tee, 6)))));

            List<HttpStatusCode> statuses = new ArrayList<>();
            for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
                statuses.add(answer.get().getStatusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.UNPROCESSABLE_ENTITY);
        } finally {
            callers.shutdown();
        }
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 6));
    }

    @Test
    void aReceiptNamingAnOrderThatIsNotRegisteredIsTakenAsBefore() {
        ResponseEntity<Map<String, Object>> received = api.post("warehouse1", "/api/purchase-receipts",
                receipt("PO-FROM-ELSEWHERE-" + UUID.randomUUID(), receiptLine(tee, 3)));

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 3));
    }

    @Test
    void aClosedOrderGivesUpWhatIsOutstandingAndTakesNoMoreReceipts() {
        String id = "PO-" + UUID.randomUUID();
        api.post("inventory1", "/api/purchase-orders", order(id, line(1, tee, 10, "6.40"), line(2, mug, 5, "2.05")));
        api.post("warehouse1", "/api/purchase-receipts", receipt(id, receiptLine(tee, 4)));

        ResponseEntity<Map<String, Object>> byWarehouse = api.post("warehouse1", "/api/purchase-orders/" + id
                + "/close", Map.of("reason", "Supplier discontinued the mug"));
        ResponseEntity<Map<String, Object>> closed = api.post("manager1", "/api/purchase-orders/" + id + "/close",
                Map.of("reason", "Supplier discontinued the mug"));
        ResponseEntity<Map<String, Object>> again = api.post("inventory1", "/api/purchase-orders/" + id + "/close",
                Map.of("reason", "Supplier discontinued the mug"));
        ResponseEntity<Map<String, Object>> otherReason = api.post("inventory1", "/api/purchase-orders/" + id
                + "/close", Map.of("reason", "Something else"));
        ResponseEntity<Map<String, Object>> late = api.post("warehouse1", "/api/purchase-receipts",
                receipt(id, receiptLine(tee, 1)));

        assertThat(byWarehouse.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).containsEntry("status", "CLOSED").containsEntry("closedBy", "manager1")
                .containsEntry("closeReason", "Supplier discontinued the mug").containsKey("closedAt");
        assertThat(lines(closed)).extracting(line -> line.get("received"), line -> line.get("outstanding"),
                        line -> line.get("closed"))
                .containsExactly(tuple(4, 0, 6),
                        tuple(0, 0, 5));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(closed.getBody());
        assertThat(otherReason.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) late.getBody().get("detail")).contains(id).contains("closed");
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 4));
        assertThat(api.post("inventory1", "/api/purchase-orders/PO-NOT-THERE/close", Map.of("reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anOrderReceivedInFullHasNothingToClose() {
        String id = "PO-" + UUID.randomUUID();
        api.post("inventory1", "/api/purchase-orders", order(id, line(1, tee, 2, "6.40")));
        api.post("warehouse1", "/api/purchase-receipts", receipt(id, receiptLine(tee, 2)));

        assertThat(api.post("inventory1", "/api/purchase-orders/" + id + "/close", Map.of("reason", "done"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theToleranceLetsAReceiptBringAShareMoreThanOrdered() {
        String id = "PO-" + UUID.randomUUID();
        api.post("inventory1", "/api/purchase-orders", order(id, line(1, tee, 25, "6.40")));
        PurchaseOrders tenPercent = new PurchaseOrders(orderRepository, catalog, Clock.systemUTC(),
                BigDecimal.TEN);

        // 10 % of 25 is 2.5: two units more may come, not three.
        assertThat(tenPercent.problemsOfReceipt(receiptRequest(id, 27))).isEmpty();
        assertThat(tenPercent.problemsOfReceipt(receiptRequest(id, 28))).extracting(FieldProblem::field)
                .containsExactly("lines[0].quantity");
    }

    private PurchaseReceiptRequest receiptRequest(String orderId, int quantity) {
        return new PurchaseReceiptRequest("GRN-" + UUID.randomUUID(), orderId, warehouse,
                OffsetDateTime.parse("2026-12-03T07:30:00Z"),
                List.of(new PurchaseReceiptRequest.Line(tee, quantity, new BigDecimal("6.40"), List.of())));
    }

    @SafeVarargs
    private Map<String, Object> order(String id, Map<String, Object>... lines) {
        return Map.of("id", id, "supplier", SUPPLIER, "warehouse", warehouse, "orderedAt", "2026-11-20T09:00:00Z",
                "expectedAt", "2026-12-02T09:00:00Z", "currency", "EUR", "lines", List.of(lines));
    }

    private static Map<String, Object> line(int lineNo, String sku, int quantity, String unitCost) {
        return Map.of("lineNo", lineNo, "sku", sku, "quantity", quantity, "unitCost", new BigDecimal(unitCost));
    }

    @SafeVarargs
    private Map<String, Object> receipt(String orderId, Map<String, Object>... lines) {
        return Map.of("receiptId", "GRN-" + UUID.randomUUID(), "purchaseOrderId", orderId, "warehouse", warehouse,
                "receivedAt", "2026-12-01T07:30:00Z", "lines", List.of(lines));
    }

    private static Map<String, Object> receiptLine(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity, "unitCost", new BigDecimal("6.40"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(ResponseEntity<Map<String, Object>> answer) {
        return (List<Map<String, Object>>) answer.getBody().get("lines");
    }

    private static List<Object> ids(ResponseEntity<List<Map<String, Object>>> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().stream().map(order -> order.get("id")).toList();
    }
}
