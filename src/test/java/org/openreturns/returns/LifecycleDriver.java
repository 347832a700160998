package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.openreturns.ApiClient;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Drives returns through the HTTP API the way the channels, the warehouse, quality, finance and managers do, on a
 * warehouse and products of its own, so scenarios sharing one database never see each other's stock. Timers are
 * fired instead of waited for.
 */
final class LifecycleDriver {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    final ApiClient api;
    final String warehouse;
    final String supplier;
    private final StockLedger ledger;
    private final CatalogService catalog;
    final ProcessProbe probe;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    LifecycleDriver(ApiClient api, StockLedger ledger, CatalogService catalog, ProcessProbe probe) {
        this.api = api;
        this.ledger = ledger;
        this.catalog = catalog;
        this.probe = probe;
        this.warehouse = "WH-" + suffix;
        this.supplier = "SUP-" + suffix;
        created(api.post("admin", "/api/warehouses", Map.of("code", warehouse, "name", "Returns test " + suffix,
                "country", "DE")));
        created(api.post("admin", "/api/suppliers", Map.of("code", supplier, "name", "Supplier " + suffix,
                "email", "claims@supplier.example")));
    }

    /** A product of this driver: its SKU is {@code prefix-suffix}. */
    String product(String prefix, String category, String cost, String price, boolean serialized, boolean finalSale) {
        return product(prefix, category, cost, price, serialized, finalSale, null);
    }

    /** A product of this driver whose unit weighs the grams given (null: unknown). */
    String product(String prefix, String category, String cost, String price, boolean serialized, boolean finalSale,
                   Integer unitWeightGrams) {
        String sku = prefix + "-" + suffix;
        Map<String, Object> product = new HashMap<>();
        product.put("sku", sku);
        product.put("name", prefix + " " + suffix);
        product.put("category", category);
        product.put("supplier", supplier);
        product.put("currency", "EUR");
        product.put("unitCost", new BigDecimal(cost));
        product.put("price", new BigDecimal(price));
        product.put("serialized", serialized);
        product.put("finalSale", finalSale);
        product.put("unitWeightGrams", unitWeightGrams);
        created(api.post("admin", "/api/products", product));
        return sku;
    }

    /** Sellable stock bought in, e.g. for a replacement to be shipped from. */
    void stock(String sku, int quantity) {
        long cost = catalog.product(sku).orElseThrow().unitCostMinor();
        ledger.record(StockMoveRequest.purchaseReceipt("test-stock-" + UUID.randomUUID(), sku, null, quantity,
                catalog.locationId(warehouse, LocationType.SELLABLE), cost, "PO-" + suffix, "test"));
    }

    /** Moves units in this driver's warehouse behind the process's back, as a person with the ledger would. */
    void move(String sku, String serial, int quantity, LocationType from, LocationType to, MoveReason reason) {
        ledger.record(StockMoveRequest.move("test-move-" + UUID.randomUUID(), sku, serial, quantity,
                catalog.locationId(warehouse, from), catalog.locationId(warehouse, to), reason,
                StockMoveRequest.Reference.adjustment("test-" + suffix), "test"));
    }

    /** A serialized unit bought into sellable stock of this driver's warehouse. */
    void stockUnit(String sku, String serial) {
        long cost = catalog.product(sku).orElseThrow().unitCostMinor();
        ledger.record(StockMoveRequest.purchaseReceipt("test-stock-" + UUID.randomUUID(), sku, serial, 1,
                catalog.locationId(warehouse, LocationType.SELLABLE), cost, "PO-" + suffix, "test"));
    }

    record OrderLine(int lineNo, String sku, int quantity, String unitPrice, List<String> serials) {
    }

    static OrderLine sold(int lineNo, String sku, int quantity, String unitPrice, String... serials) {
        return new OrderLine(lineNo, sku, quantity, unitPrice, List.of(serials));
    }

    /** A web order delivered a few days ago to a customer of the tier given; answers its order id. */
    String order(String tier, OrderLine... lines) {
        String orderId = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        return order(orderId, Map.of("id", "C-" + orderId, "email", ApiClient.emailOf("C-" + orderId), "tier", tier), lines);
    }

    /** A web order delivered a few days ago to the customer given (id, email, tier); answers its order id. */
    String orderFor(String customerId, String email, OrderLine... lines) {
        String orderId = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        return order(orderId, Map.of("id", customerId, "email", email, "tier", "STANDARD"), lines);
    }

    /** A web order of a marketing campaign, delivered a few days ago; answers its order id. */
    String orderInCampaign(String campaignCode, OrderLine... lines) {
        String orderId = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        return order(orderId, Map.of("id", "C-" + orderId, "email", ApiClient.emailOf("C-" + orderId), "tier", "STANDARD"),
                campaignCode, lines);
    }

    private String order(String orderId, Map<String, Object> customer, OrderLine... lines) {
        return order(orderId, customer, null, lines);
    }

    private String order(String orderId, Map<String, Object> customer, String campaignCode, OrderLine... lines) {
        List<Map<String, Object>> orderLines = new ArrayList<>();
        for (OrderLine line : lines) {
            orderLines.add(Map.of("lineNo", line.lineNo(), "sku", line.sku(), "quantity", line.quantity(),
                    "unitPrice", new BigDecimal(line.unitPrice()), "serials", line.serials()));
        }
        OffsetDateTime delivered = OffsetDateTime.now().minusDays(5);
        Map<String, Object> order = new HashMap<>(Map.of("id", orderId, "channel", "WEB", "customer", customer,
                "placedAt", delivered.minusDays(3).toString(), "deliveredAt", delivered.toString(), "currency", "EUR",
                "warehouse", warehouse, "lines", orderLines));
        if (campaignCode != null) {
            order.put("campaignCode", campaignCode);
        }
        created(api.post("support1", "/api/orders", order));
        return orderId;
    }

    static Map<String, Object> returning(int lineNo, int quantity, String reason, String condition) {
        return Map.of("lineNo", lineNo, "quantity", quantity, "reasonCode", reason, "declaredCondition", condition);
    }

    /** Requests the return; answers {returnId, rmaNumber, status}. */
    Map<String, Object> requestReturn(String orderId, Map<String, Object>... lines) {
        ResponseEntity<Map<String, Object>> response = api.post("support1", "/api/returns", Map.of(
                "orderId", orderId, "lines", List.of(lines), "customerMessage", "Please take it back"));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    static Map<String, Object> item(String sku, String serial, int quantity) {
        Map<String, Object> item = new HashMap<>(Map.of("sku", sku, "quantity", quantity));
        if (serial != null) {
            item.put("serial", serial);
        }
        return item;
    }

    ResponseEntity<Map<String, Object>> scan(String rmaNumber, Map<String, Object>... items) {
        return scanWeighing(rmaNumber, null, items);
    }

    /** A scan of a parcel that weighed the grams given on the warehouse's scale (null: not weighed). */
    ResponseEntity<Map<String, Object>> scanWeighing(String rmaNumber, Integer weightGrams,
                                                     Map<String, Object>... items) {
        Map<String, Object> body = new HashMap<>(Map.of("warehouse", warehouse, "lines", List.of(items)));
        body.put("weightGrams", weightGrams);
        if (rmaNumber != null) {
            body.put("rmaNumber", rmaNumber);
        }
        return api.post("warehouse1", "/api/receipts", body);
    }

    /**
     * Requests the return of the line given, waits for its authorization and has the warehouse scan what arrived: the
     * inspection is next. Answers the request's {returnId, rmaNumber, status}.
     */
    Map<String, Object> returnedAndScanned(String orderId, Map<String, Object> line, Map<String, Object> arrived) {
        Map<String, Object> requested = requestReturn(orderId, line);
        awaitStatus((String) requested.get("returnId"), "AUTHORIZED");
        scan((String) requested.get("rmaNumber"), arrived);
        return requested;
    }

    Map<String, Object> details(String returnId) {
        return api.get("support1", "/api/returns/" + returnId).getBody();
    }

    Map<String, Object> awaitStatus(String returnId, String status) {
        try {
            return await().atMost(PATIENCE).until(() -> details(returnId),
                    details -> status.equals(details.get("status")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Return " + returnId + " did not reach " + status + "; "
                    + probe.describe(returnId), e);
        }
    }

    /** The open task of the element given for this return (or parcel), once the process has reached it. */
    Map<String, Object> awaitTask(String group, String businessKeyVariable, Object value, String elementId) {
        return await().atMost(PATIENCE).until(() -> api.getList(groupUser(group), "/api/tasks?group=" + group)
                .getBody().stream()
                .filter(task -> elementId.equals(task.get("elementId")))
                .filter(task -> String.valueOf(value).equals(
                        String.valueOf(((Map<?, ?>) task.get("context")).get(businessKeyVariable))))
                .findFirst().orElse(null), Objects::nonNull);
    }

    Map<String, Object> awaitTask(String group, String returnId, String elementId) {
        return awaitTask(group, "returnId", (Object) returnId, elementId);
    }

    static String groupUser(String group) {
        return switch (group) {
            case "support" -> "support1";
            case "warehouse" -> "warehouse1";
            case "quality" -> "quality1";
            case "finance" -> "finance1";
            case "manager" -> "manager1";
            case "inventory-control" -> "inventory1";
            default -> "admin";
        };
    }

    ResponseEntity<Map<String, Object>> complete(String user, Map<String, Object> task, Map<String, Object> variables) {
        return api.post(user, "/api/tasks/" + task.get("id") + "/complete", variables);
    }

    void completed(String user, Map<String, Object> task, Map<String, Object> variables) {
        ResponseEntity<Map<String, Object>> response = complete(user, task, variables);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    static Map<String, Object> inspection(String grade, boolean skuMatches, boolean reasonConfirmed) {
        return new HashMap<>(Map.of("grade", grade, "skuMatches", skuMatches, "serialMatches", false,
                "packagingOk", true, "functional", true, "reasonConfirmed", reasonConfirmed, "notes", "checked"));
    }

    static Map<String, Object> serializedInspection(String grade, String serial, boolean serialMatches) {
        Map<String, Object> findings = inspection(grade, true, true);
        findings.put("receivedSerial", serial);
        findings.put("serialMatches", serialMatches);
        return findings;
    }

    /** Units of the SKU by location type in this driver's warehouse. */
    Map<String, Integer> stock(String sku) {
        Map<String, Integer> byType = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> onHand = (List<Map<String, Object>>) api.get("inventory1", "/api/inventory/" + sku)
                .getBody().get("onHand");
        onHand.stream().filter(place -> warehouse.equals(place.get("warehouse")))
                .forEach(place -> byType.put((String) place.get("locationType"), (Integer) place.get("quantity")));
        return byType;
    }

    /** The journal entries of the return: reason -> its lines as "Dr 1310 640" / "Cr 5000 640". */
    List<String> entries(String returnId) {
        List<String> entries = new ArrayList<>();
        for (Map<String, Object> entry : api.getList("finance1", "/api/accounting/entries?returnId=" + returnId)
                .getBody()) {
            List<String> lines = new ArrayList<>();
            for (Object raw : (List<?>) entry.get("lines")) {
                Map<?, ?> line = (Map<?, ?>) raw;
                long debit = ((Number) line.get("debit")).longValue();
                long credit = ((Number) line.get("credit")).longValue();
                lines.add(debit > 0 ? "Dr " + line.get("account") + " " + debit : "Cr " + line.get("account") + " " + credit);
            }
            entries.add(entry.get("reason") + ": " + String.join(", ", lines));
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> refund(Map<String, Object> details) {
        return (Map<String, Object>) details.get("refund");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Map<String, Object> details) {
        return (List<Map<String, Object>>) details.get("lines");
    }

    @SuppressWarnings("unchecked")
    static List<String> timelineTypes(Map<String, Object> details) {
        return ((List<Map<String, Object>>) details.get("timeline")).stream().map(e -> (String) e.get("type")).toList();
    }

    private static void created(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    /** Fires the timer of the element given in the process of the return, as if its time had come. */
    void fireTimer(String returnId, String timerElementId) {
        probe.fireTimer(returnId, timerElementId);
    }
}
