package org.openreturns.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.db.Tables.SERIAL_UNIT;

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
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Shipments and cancellations of orders through the HTTP API: shipped stock leaves SELLABLE for the customer and is
 * posted as cost of goods sold; what is neither shipped nor cancelled is reserved and not available to sell.
 */
@ReturnsIntegrationTest
class OrderFulfilmentApiTest {

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
    Map<LocationType, Long> locations;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        fixtures = new LedgerFixtures(db);
        warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        locations = fixtures.warehouse(warehouse);
    }

    @Test
    void aShipmentMovesSellableStockToTheCustomerAndPostsCostOfGoodsSold() {
        String tee = stocked(false, 4, 1000);
        ledger.record(StockMoveRequest.purchaseReceipt(UUID.randomUUID().toString(), tee, null, 1,
                locations.get(LocationType.SELLABLE), 1400, "PO-1", "tester"));
        String orderId = order(line(1, tee, 3, "25.00"));

        ResponseEntity<Map<String, Object>> shipped = api.post("warehouse1", shipments(orderId),
                shipment("SHP-" + orderId, shipped(1, 2)));

        assertThat(shipped.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // 5 units worth 5,400 in sellable stock: two of them take 2,160 along.
        Map<String, Object> shippedLine = lines(shipped).get(0);
        assertThat(shippedLine).containsEntry("quantity", 2).containsEntry("costMinor", 2160)
                .containsEntry("sku", tee);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 3));
        long moveId = ledger.recordedMove("shipment-SHP-" + orderId + "-line-1").orElseThrow().moveId();
        List<JournalEntryView> entries = journal.entriesOfSource(JournalEntryDraft.SourceType.STOCK_MOVE,
                String.valueOf(moveId));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("SALE_SHIPMENT");
            assertThat(entry.lines()).contains(new JournalEntryView.LineView(Accounts.COST_OF_GOODS_SOLD, 2160, 0),
                    new JournalEntryView.LineView(Accounts.INVENTORY_SELLABLE, 0, 2160));
        });
        Map<String, Object> order = api.get("support1", "/api/orders/" + orderId).getBody();
        assertThat(lines(order).get(0)).containsEntry("quantity", 3).containsEntry("shippedQuantity", 2);
    }

    @Test
    void theSameShipmentSentAgainIsRecordedOnceAndAnotherWithItsIdIsRefused() {
        String tee = stocked(false, 5, 1000);
        String orderId = order(line(1, tee, 3, "25.00"));
        Map<String, Object> shipment = shipment("SHP-" + orderId, shipped(1, 2));

        ResponseEntity<Map<String, Object>> first = api.post("support1", shipments(orderId), shipment);
        ResponseEntity<Map<String, Object>> again = api.post("support1", shipments(orderId), shipment);
        ResponseEntity<Map<String, Object>> other = api.post("support1", shipments(orderId),
                shipment("SHP-" + orderId, shipped(1, 1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) other.getBody().get("detail")).contains("lines");
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 3));
    }

    @Test
    void moreThanIsLeftToShipOrALineTheOrderDoesNotHaveIsRefused() {
        String tee = stocked(false, 10, 1000);
        String orderId = order(line(1, tee, 3, "25.00"));
        api.post("warehouse1", shipments(orderId), shipment("SHP-A-" + orderId, shipped(1, 2)));

        ResponseEntity<Map<String, Object>> refused = api.post("warehouse1", shipments(orderId),
                shipment("SHP-B-" + orderId, shipped(1, 2), shipped(7, 1)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(refused)).containsOnlyKeys("lines[0].quantity", "lines[1].lineNo");
        assertThat(ApiClient.problems(refused).get("lines[0].quantity")).contains("1 unit(s)");
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 8));
    }

    @Test
    void notEnoughSellableStockIsABusinessRefusalThatMovesNothing() {
        String tee = stocked(false, 2, 1000);
        String cap = stocked(false, 5, 500);
        String orderId = order(line(1, cap, 1, "9.00"), line(2, tee, 3, "25.00"));

        ResponseEntity<Map<String, Object>> refused = api.post("warehouse1", shipments(orderId),
                shipment("SHP-" + orderId, shipped(1, 1), shipped(2, 3)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(refused)).containsOnlyKeys("lines[1].quantity");
        assertThat(ApiClient.problems(refused).get("lines[1].quantity")).contains("Not enough stock");
        assertThat(ledger.onHand(cap)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 5));
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 2));
        assertThat(lines(api.get("support1", "/api/orders/" + orderId).getBody()))
                .allSatisfy(line -> assertThat(line).containsEntry("shippedQuantity", 0));
    }

    @Test
    void shippedSerialsLeaveTheBooksAndComeBackFromTheCustomer() {
        String watch = fixtures.product(true);
        for (String serial : List.of("SN-1", "SN-2", "SN-3")) {
            ledger.record(StockMoveRequest.openingStock(UUID.randomUUID().toString(), watch, serial, 1,
                    locations.get(LocationType.SELLABLE), 20000, "tester"));
        }
        String orderId = order(line(1, watch, 2, "499.00", "SN-1", "SN-2"));

        ResponseEntity<Map<String, Object>> notSold = api.post("warehouse1", shipments(orderId),
                shipment("SHP-X-" + orderId, shipped(1, 1, "SN-3")));
        ResponseEntity<Map<String, Object>> shipped = api.post("warehouse1", shipments(orderId),
                shipment("SHP-" + orderId, shipped(1, 1, "SN-1")));
        ResponseEntity<Map<String, Object>> twice = api.post("warehouse1", shipments(orderId),
                shipment("SHP-Y-" + orderId, shipped(1, 1, "SN-1")));

        assertThat(notSold.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(notSold).get("lines[0].serials")).contains("not sold on line 1");
        assertThat(shipped.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(lines(shipped).get(0)).containsEntry("costMinor", 20000).containsEntry("serials", List.of("SN-1"));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(twice).get("lines[0].serials")).contains("shipped on line 1 already");
        assertThat(db.select(SERIAL_UNIT.LOCATION_ID).from(SERIAL_UNIT).where(SERIAL_UNIT.SKU.eq(watch))
                .and(SERIAL_UNIT.SERIAL.eq("SN-1")).fetchSingle().value1()).isNull();
        // A return of the unit is received from the customer's place, where the shipment left it.
        ledger.record(StockMoveRequest.returnReceipt(UUID.randomUUID().toString(), watch, "SN-1", 1,
                locations.get(LocationType.CUSTOMER), locations.get(LocationType.RETURNS_RECEIVING), 20000,
                StockMoveRequest.Reference.adjustment("return of SN-1"), "tester"));
        assertThat(ledger.onHand(watch)).containsExactlyInAnyOrder(
                new OnHand(warehouse, LocationType.SELLABLE, 2),
                new OnHand(warehouse, LocationType.RETURNS_RECEIVING, 1));
    }

    @Test
    void aSerialThatIsNotInSellableStockOrMissingSerialsAreRefused() {
        String watch = fixtures.product(true);
        ledger.record(StockMoveRequest.openingStock(UUID.randomUUID().toString(), watch, "SN-Q", 1,
                locations.get(LocationType.QUARANTINE), 20000, "tester"));
        ledger.record(StockMoveRequest.openingStock(UUID.randomUUID().toString(), watch, "SN-S", 1,
                locations.get(LocationType.SELLABLE), 20000, "tester"));
        String orderId = order(line(1, watch, 2, "499.00"));

        ResponseEntity<Map<String, Object>> inQuarantine = api.post("warehouse1", shipments(orderId),
                shipment("SHP-" + orderId, shipped(1, 1, "SN-Q")));
        ResponseEntity<Map<String, Object>> withoutSerials = api.post("warehouse1", shipments(orderId),
                shipment("SHP-" + orderId, shipped(1, 1)));

        assertThat(inQuarantine.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(inQuarantine).get("lines[0].serials")).contains("QUARANTINE");
        assertThat(withoutSerials.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(withoutSerials)).containsExactly("lines[0].serials");
        assertThat(ledger.onHand(watch)).containsExactlyInAnyOrder(new OnHand(warehouse, LocationType.QUARANTINE, 1),
                new OnHand(warehouse, LocationType.SELLABLE, 1));
    }

    @Test
    void anUnknownWarehouseOrOrderIsNamed() {
        String tee = stocked(false, 2, 1000);
        String orderId = order(line(1, tee, 1, "25.00"));
        Map<String, Object> elsewhere = new HashMap<>(shipment("SHP-" + orderId, shipped(1, 1)));
        elsewhere.put("warehouse", "WH-NOWHERE");

        ResponseEntity<Map<String, Object>> unknownWarehouse = api.post("warehouse1", shipments(orderId), elsewhere);
        ResponseEntity<Map<String, Object>> unknownOrder = api.post("warehouse1", shipments("NO-SUCH-ORDER"),
                shipment("SHP-" + orderId, shipped(1, 1)));

        assertThat(unknownWarehouse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(unknownWarehouse)).containsExactly("warehouse");
        assertThat(unknownOrder.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUndeliveredOrderReservesItsOpenUnitsUntilTheyAreShippedOrCancelled() {
        String tee = stocked(false, 10, 1000);
        String orderId = order(line(1, tee, 4, "25.00"));
        assertThat(api.get("support1", "/api/inventory/" + tee).getBody())
                .containsEntry("availableToSell", 6).containsEntry("reserved", 4);

        api.post("warehouse1", shipments(orderId), shipment("SHP-" + orderId, shipped(1, 1)));
        ResponseEntity<Map<String, Object>> cancelled = api.post("support1", cancellations(orderId),
                cancellation("CNL-" + orderId, 1, 2));

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(lines(cancelled).get(0)).containsEntry("quantity", 2).containsEntry("sku", tee);
        // 9 sellable, 1 unit still to ship.
        assertThat(api.get("support1", "/api/inventory/" + tee).getBody())
                .containsEntry("availableToSell", 8).containsEntry("reserved", 1);
        assertThat(ledger.availableToSell(tee)).isEqualTo(8);
        assertThat(lines(api.get("support1", "/api/orders/" + orderId).getBody()).get(0))
                .containsEntry("shippedQuantity", 1).containsEntry("cancelledQuantity", 2);
        assertKeptReservationsAreWhatTheLinesSay();
    }

    @Test
    void anOrderThatArrivesDeliveredReservesNothing() {
        String tee = stocked(false, 10, 1000);
        Map<String, Object> order = new HashMap<>(ApiClient.order(newOrderId(), line(1, tee, 4, "25.00")));
        order.put("warehouse", warehouse);

        assertThat(api.post("support1", "/api/orders", order).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(api.get("support1", "/api/inventory/" + tee).getBody())
                .containsEntry("availableToSell", 10).containsEntry("reserved", 0);
    }

    @Test
    void shippedUnitsCannotBeCancelledNorCancelledUnitsShipped() {
        String tee = stocked(false, 10, 1000);
        String orderId = order(line(1, tee, 3, "25.00"));
        api.post("warehouse1", shipments(orderId), shipment("SHP-" + orderId, shipped(1, 2)));

        ResponseEntity<Map<String, Object>> tooMany = api.post("support1", cancellations(orderId),
                cancellation("CNL-A-" + orderId, 1, 2));
        ResponseEntity<Map<String, Object>> cancelled = api.post("support1", cancellations(orderId),
                cancellation("CNL-B-" + orderId, 1, 1));
        ResponseEntity<Map<String, Object>> again = api.post("support1", cancellations(orderId),
                cancellation("CNL-B-" + orderId, 1, 1));
        ResponseEntity<Map<String, Object>> otherBody = api.post("support1", cancellations(orderId),
                cancellation("CNL-B-" + orderId, 2, 1));
        ResponseEntity<Map<String, Object>> shipCancelled = api.post("warehouse1", shipments(orderId),
                shipment("SHP-2-" + orderId, shipped(1, 1)));

        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(tooMany).get("lines[0].quantity")).contains("1 unit(s)", "2 shipped");
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(cancelled.getBody());
        assertThat(otherBody.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(shipCancelled.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(shipCancelled).get("lines[0].quantity")).contains("1 cancelled");
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 8));
        assertThat(ledger.reserved(tee)).isZero();
        assertKeptReservationsAreWhatTheLinesSay();
    }

    /**
     * Available to sell reads the reservations kept as orders, shipments and cancellations arrive (V26); they must be
     * exactly what every order line's own shipments and cancellations say (the view over the whole history).
     */
    private void assertKeptReservationsAreWhatTheLinesSay() {
        String kept = "select order_id, line_no, sku, reserved from order_line_reservation order by 1, 2";
        String derived = "select order_id, line_no, sku, reserved from order_line_fulfilment where reserved > 0"
                + " order by 1, 2";
        assertThat(db.resultQuery(kept).fetch().intoArrays()).isDeepEqualTo(db.resultQuery(derived).fetch().intoArrays());
    }

    /** A SKU with {@code quantity} units in SELLABLE of the test's warehouse at {@code unitCost} each. */
    private String stocked(boolean serialized, int quantity, long unitCost) {
        String sku = fixtures.product(serialized);
        ledger.record(StockMoveRequest.openingStock(UUID.randomUUID().toString(), sku, null, quantity,
                locations.get(LocationType.SELLABLE), unitCost, "tester"));
        return sku;
    }

    /** An order of the test's warehouse, not delivered yet; its id. */
    @SafeVarargs
    private String order(Map<String, Object>... lines) {
        String orderId = newOrderId();
        Map<String, Object> order = new HashMap<>(ApiClient.order(orderId, lines));
        order.remove("deliveredAt");
        order.put("warehouse", warehouse);
        assertThat(api.post("support1", "/api/orders", order).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return orderId;
    }

    private static String shipments(String orderId) {
        return "/api/orders/" + orderId + "/shipments";
    }

    private static String cancellations(String orderId) {
        return "/api/orders/" + orderId + "/cancellations";
    }

    private static Map<String, Object> cancellation(String cancellationId, int lineNo, int quantity) {
        return Map.of("cancellationId", cancellationId, "lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity)));
    }

    @SafeVarargs
    private static Map<String, Object> shipment(String shipmentId, Map<String, Object>... lines) {
        return Map.of("shipmentId", shipmentId, "shippedAt", "2026-12-01T10:00:00Z", "lines", List.of(lines));
    }

    private static Map<String, Object> shipped(int lineNo, int quantity, String... serials) {
        return Map.of("lineNo", lineNo, "quantity", quantity, "serials", List.of(serials));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(ResponseEntity<Map<String, Object>> answer) {
        return lines(answer.getBody());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("lines");
    }
}
