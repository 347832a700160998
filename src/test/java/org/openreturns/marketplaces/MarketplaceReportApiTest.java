package org.openreturns.marketplaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.OnHand;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Both marketplaces' order and return report formats through the API: orders taken, shipped and cancelled, rows that
 * cannot be taken kept as dead letters while the rest goes on, a replay after the fix, the same file again taking
 * nothing twice, and a file without a column of its format refused before anything is stored.
 */
@ReturnsIntegrationTest
class MarketplaceReportApiTest {

    private static final String TSV = "text/tab-separated-values";
    private static final String A_HEADER = "order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\t"
            + "item-status\tquantity\tcurrency\titem-price\tbuyer-email\tship-country\n";

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    StockLedger ledger;

    ApiClient api;
    LedgerFixtures fixtures;
    String warehouse;
    long sellable;
    String run;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        fixtures = new LedgerFixtures(db);
        warehouse = "WH-MP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        sellable = fixtures.warehouse(warehouse).get(LocationType.SELLABLE);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String stocked(int units) {
        String sku = fixtures.product(false);
        ledger.record(StockMoveRequest.purchaseReceipt("test-" + UUID.randomUUID(), sku, null, units,
                sellable, 1000L, "PO-TEST", "tester"));
        return sku;
    }

    private static String aRow(String orderId, String sku, String itemStatus, int quantity, String itemPrice) {
        return orderId + "\t2026-12-01T10:15:30+00:00\t2026-12-02T08:00:00+00:00\tShipped\t" + sku + "\t" + itemStatus
                + "\t" + quantity + "\tEUR\t" + itemPrice + "\tbuyer-" + orderId + "@marketplace-a.example\tDE\n";
    }

    @Test
    void marketplaceAOrdersAreTakenShippedAndCancelledAndBadOnesWaitAsDeadLetters() {
        String tee = stocked(10);
        String cap = stocked(10);
        String unknownSku = "UNKNOWN-" + run;
        String shipped = "A1-" + run;
        String cancelled = "A2-" + run;
        String unknown = "A3-" + run;
        String badNumber = "A4-" + run;
        String report = A_HEADER
                + aRow(shipped, tee, "Shipped", 2, "39.80") + aRow(shipped, cap, "Unshipped", 1, "12.50")
                + aRow(cancelled, tee, "Cancelled", 1, "19.90")
                + aRow(unknown, unknownSku, "Shipped", 1, "5.00")
                + aRow(badNumber, cap, "Shipped", 1, "12,50");
        String reportId = "all-orders-" + run + ".txt";

        ResponseEntity<Map<String, Object>> first = upload("inventory1", "MARKETPLACE_A", "order-reports",
                reportId, report, TSV);
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("orders", 4).containsEntry("taken", 2).containsEntry("shipped", 1)
                .containsEntry("cancelled", 1).containsEntry("deadLettered", 2);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 8));
        assertThat(ledger.availableToSell(cap)).as("the open cap is reserved").isEqualTo(9);
        assertThat(ledger.availableToSell(tee)).as("the cancelled tee reserves nothing").isEqualTo(8);
        Map<String, Object> order = api.get("inventory1", "/api/orders/" + shipped + "?channel=MARKETPLACE_A")
                .getBody();
        assertThat(order).containsEntry("customerId", "MARKETPLACE_A:buyer-" + shipped + "@marketplace-a.example");
        assertThat(lines(order)).extracting(line -> line.get("sku") + " " + line.get("quantity") + " "
                        + line.get("unitPriceMinor") + " shipped " + line.get("shippedQuantity"))
                .containsExactlyInAnyOrder(tee + " 2 1990 shipped 2", cap + " 1 1250 shipped 0");

        Map<String, Map<String, Object>> letters = openLetters("MARKETPLACE_A", reportId);
        assertThat(letters.get(reportId + "/" + unknown)).containsEntry("reason", "No product " + unknownSku
                + " is known").containsEntry("messageType", "marketplace-order-report");
        assertThat((String) letters.get(reportId + "/" + badNumber).get("reason"))
                .contains("line 6, column item-price", "'12,50' is not an amount");
        assertThat(db.fetchCount(SALES_ORDER, SALES_ORDER.ORDER_NUMBER.in(unknown, badNumber))).isZero();

        // The same file again: nothing twice, the dead letters failed once more.
        ResponseEntity<Map<String, Object>> again = upload("inventory1", "MARKETPLACE_A", "order-reports", reportId,
                report, TSV);
        assertThat(again.getBody()).containsEntry("taken", 2).containsEntry("deadLettered", 2);
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 8));
        assertThat(openLetters("MARKETPLACE_A", reportId).get(reportId + "/" + unknown)).containsEntry("attempts", 2);

        // A newer report ships the cap: only what happened since is booked.
        String newer = A_HEADER + aRow(shipped, tee, "Shipped", 2, "39.80") + aRow(shipped, cap, "Shipped", 1, "12.50");
        assertThat(upload("inventory1", "MARKETPLACE_A", "order-reports", "newer-" + run, newer, TSV).getBody())
                .containsEntry("taken", 1).containsEntry("shipped", 1);
        assertThat(ledger.onHand(cap)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 9));
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 8));

        // The product is created, the letter replayed: the order is taken and its unit shipped.
        assertThat(api.post("admin", "/api/products", Map.of("sku", unknownSku, "name", "Late product",
                "category", "test", "supplier", "SUP-TEST", "currency", "EUR", "unitCost", new BigDecimal("10.00"),
                "price", new BigDecimal("25.00"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ledger.record(StockMoveRequest.purchaseReceipt("test-" + UUID.randomUUID(), unknownSku, null, 3,
                sellable, 1000L, "PO-TEST", "tester"));
        Object letterId = letters.get(reportId + "/" + unknown).get("id");
        assertThat(api.post("inventory1", "/api/dead-letters/" + letterId + "/replay", Map.of()).getBody())
                .containsEntry("status", "REPLAYED").containsEntry("resolvedBy", "inventory1");
        assertThat(ledger.onHand(unknownSku)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 2));
        assertThat(upload("inventory1", "MARKETPLACE_A", "order-reports", reportId, report, TSV).getBody())
                .as("taken now, and still once").containsEntry("taken", 3).containsEntry("deadLettered", 1);
        assertThat(ledger.onHand(unknownSku)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 2));
    }

    @Test
    void marketplaceBUnitRowsWithGermanNumbersAndTimes() {
        String shoe = stocked(5);
        String orderId = "MPB-" + run;
        String header = "order_unit_id;order_id;created_at;updated_at;status;sku;unit_price;currency;buyer_id;"
                + "buyer_email;shipping_country\n";
        String rows = "U1;" + orderId + ";01.12.2026 10:15:30;02.12.2026 08:00:00;sent;" + shoe + ";1.049,90;EUR;"
                + "B-77;x81@relay.marketplace-b.example;DE\n"
                + "U2;" + orderId + ";01.12.2026 10:15:30;02.12.2026 08:00:00;need_to_be_sent;" + shoe + ";1.049,90;EUR;"
                + "B-77;x81@relay.marketplace-b.example;DE\n"
                + "U3;" + orderId + ";01.12.2026 10:15:30;02.12.2026 09:00:00;cancelled;" + shoe + ";1.049,90;EUR;"
                + "B-77;x81@relay.marketplace-b.example;DE\n";
        ResponseEntity<Map<String, Object>> answer = upload("inventory1", "MARKETPLACE_B", "order-reports",
                "units-" + run + ".csv", header + rows, "text/csv");
        assertThat(answer.getBody()).as(String.valueOf(answer.getBody())).containsEntry("orders", 1)
                .containsEntry("taken", 1).containsEntry("shipped", 1).containsEntry("cancelled", 1)
                .containsEntry("deadLettered", 0);
        Map<String, Object> order = api.get("inventory1", "/api/orders/" + orderId + "?channel=MARKETPLACE_B")
                .getBody();
        assertThat(order).containsEntry("customerId", "MARKETPLACE_B:B-77")
                .containsEntry("placedAt", "2026-12-01T09:15:30Z");
        assertThat(lines(order)).singleElement().satisfies(line -> assertThat(line).containsEntry("quantity", 3)
                .containsEntry("unitPriceMinor", 104990).containsEntry("shippedQuantity", 1)
                .containsEntry("cancelledQuantity", 1));
        assertThat(ledger.onHand(shoe)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 4));
        assertThat(ledger.availableToSell(shoe)).isEqualTo(3);

        // Its return report: one return of the sent unit; a return of more than was sold waits as a dead letter.
        String returns = "return_id;order_id;created_at;sku;quantity;reason\n"
                + "R-" + run + ";" + orderId + ";05.12.2026 11:00:00;" + shoe + ";1;too_small\n"
                + "R2-" + run + ";" + orderId + ";05.12.2026 11:00:00;" + shoe + ";7;defect\n"
                + "R3-" + run + ";NO-SUCH-" + run + ";05.12.2026 11:00:00;" + shoe + ";1;defect\n";
        ResponseEntity<Map<String, Object>> returned = upload("support1", "MARKETPLACE_B", "return-reports",
                "returns-" + run, returns, "text/csv");
        assertThat(returned.getBody()).as(String.valueOf(returned.getBody())).containsEntry("returns", 3)
                .containsEntry("taken", 1).containsEntry("deadLettered", 2);
        Map<String, Map<String, Object>> letters = openLetters("MARKETPLACE_B", "returns-" + run);
        assertThat((String) letters.get("returns-" + run + "/R2-" + run).get("reason"))
                .contains("lines[0].quantity", "only 2 of 3 sold can still be returned");
        assertThat((String) letters.get("returns-" + run + "/R3-" + run).get("reason"))
                .isEqualTo("No order NO-SUCH-" + run + " in channel MARKETPLACE_B is known");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) api.get("support1", "/api/returns?order="
                + orderId + "&channel=MARKETPLACE_B").getBody().get("items");
        assertThat(found).hasSize(1);
        Map<String, Object> details = api.get("support1", "/api/returns/" + found.get(0).get("rmaNumber")).getBody();
        assertThat(details).containsEntry("channelReturnId", "R-" + run).containsEntry("requestedBy", "MARKETPLACE_B");
        assertThat(lines(details)).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("reasonCode", "SIZE_TOO_SMALL"));
        assertThat(upload("support1", "MARKETPLACE_B", "return-reports", "returns-" + run, returns, "text/csv")
                .getBody()).containsEntry("taken", 1);
        assertThat((List<?>) api.get("support1", "/api/returns?order=" + orderId + "&channel=MARKETPLACE_B")
                .getBody().get("items")).as("the same return id makes one return").hasSize(1);
    }

    @Test
    void aShipmentTheStockDoesNotCoverWaitsAsADeadLetterAndTheOtherOrdersOfItsChunkAreTaken() {
        String scarce = stocked(1);
        String plenty = stocked(5);
        String covered = "S1-" + run;
        String uncovered = "S2-" + run;
        String report = A_HEADER + aRow(covered, plenty, "Shipped", 1, "10.00")
                + aRow(uncovered, scarce, "Shipped", 2, "20.00");
        ResponseEntity<Map<String, Object>> answer = upload("inventory1", "MARKETPLACE_A", "order-reports",
                "scarce-" + run, report, TSV);
        assertThat(answer.getBody()).as(String.valueOf(answer.getBody())).containsEntry("taken", 1)
                .containsEntry("shipped", 1).containsEntry("deadLettered", 1);
        assertThat((String) openLetters("MARKETPLACE_A", "scarce-" + run).get("scarce-" + run + "/" + uncovered)
                .get("reason")).contains("lines[0].quantity", "cannot ship from SELLABLE stock of " + warehouse);
        assertThat(ledger.onHand(plenty)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 4));
        assertThat(ledger.onHand(scarce)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 1));
        assertThat(db.fetchCount(SALES_ORDER, SALES_ORDER.ORDER_NUMBER.eq(uncovered))).as("rolled back").isZero();
    }

    @Test
    void aFileUnreadableFromSomeLineOnIsTakenUpToItAndTheRestWaitsAsADeadLetter() {
        String sock = stocked(5);
        String header = "order_unit_id;order_id;created_at;updated_at;status;sku;unit_price;currency;buyer_id;"
                + "buyer_email\n";
        String readable = "U1;MPB-R1-" + run + ";01.12.2026 10:15:30;02.12.2026 08:00:00;sent;" + sock
                + ";4,00;EUR;B-1;a@relay.marketplace-b.example\n";
        String broken = "U2;\"MPB-R2-" + run + ";01.12.2026 10:15:30;02.12.2026 08:00:00;sent;" + sock
                + ";4,00;EUR;B-2;b@relay.marketplace-b.example\n";
        ResponseEntity<Map<String, Object>> answer = upload("inventory1", "MARKETPLACE_B", "order-reports",
                "broken-" + run, header + readable + broken, "text/csv");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).as(String.valueOf(answer.getBody())).containsEntry("taken", 1)
                .containsEntry("deadLettered", 1);
        assertThat(ledger.onHand(sock)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 4));
        Map<String, Object> letter = openLetters("MARKETPLACE_B", "broken-" + run).values().iterator().next();
        assertThat((String) letter.get("reason")).startsWith("The report cannot be read from line 3 on");
        assertThat(api.post("inventory1", "/api/dead-letters/" + letter.get("id") + "/replay", Map.of()).getBody())
                .as("refused again, not a failure").containsEntry("status", "OPEN");
    }

    @Test
    void aFileWithoutAColumnOfItsFormatIsRefusedAndNothingIsStored() {
        String tee = stocked(3);
        String orderId = "BAD-" + run;
        String withoutStatus = A_HEADER.replace("item-status\t", "") + orderId
                + "\t2026-12-01T10:15:30+00:00\t2026-12-02T08:00:00+00:00\tShipped\t" + tee
                + "\t1\tEUR\t19.90\tb@marketplace-a.example\tDE\n";
        ResponseEntity<Map<String, Object>> refused = upload("inventory1", "MARKETPLACE_A", "order-reports",
                "bad-" + run, withoutStatus, TSV);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("column item-status");

        // Marketplace B's file sent as marketplace A's: not one of A's columns is found.
        ResponseEntity<Map<String, Object>> otherFormat = upload("inventory1", "MARKETPLACE_A", "order-reports",
                "bad2-" + run, "order_unit_id;order_id;created_at\nU1;" + orderId + ";01.12.2026 10:15:30\n", TSV);
        assertThat(otherFormat.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(otherFormat)).contains("column order-id", "column sku");
        assertThat(db.fetchCount(SALES_ORDER, SALES_ORDER.ORDER_NUMBER.eq(orderId))).isZero();
        assertThat(ledger.onHand(tee)).containsExactly(new OnHand(warehouse, LocationType.SELLABLE, 3));

        assertThat(upload("inventory1", "WEB", "order-reports", "bad3-" + run, A_HEADER, TSV).getStatusCode())
                .as("the web store sends no reports").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(upload("inventory1", "NO_SUCH_CHANNEL", "order-reports", "bad4-" + run, A_HEADER, TSV)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(upload("support1", "MARKETPLACE_A", "order-reports", "bad5-" + run, A_HEADER, TSV)
                .getStatusCode()).as("orders are imported by inventory control").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("lines");
    }

    /** The channel's open dead letters of the report, by message id. */
    private Map<String, Map<String, Object>> openLetters(String channel, String reportId) {
        Map<String, Map<String, Object>> letters = new java.util.HashMap<>();
        api.getList("inventory1", "/api/dead-letters?channel=" + channel).getBody().stream()
                .filter(letter -> ((String) letter.get("messageId")).startsWith(reportId + "/"))
                .forEach(letter -> letters.put((String) letter.get("messageId"), letter));
        return letters;
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String channel, String kind, String reportId,
                                                       String file, String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        String query = "?reportId=" + reportId + (kind.equals("order-reports") ? "&warehouse=" + warehouse : "");
        return http.withBasicAuth(user, "demo").exchange("/api/channels/" + channel + "/" + kind + query,
                HttpMethod.POST, new HttpEntity<>(file, headers), new ParameterizedTypeReference<>() {
                });
    }
}
