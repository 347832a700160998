package org.openreturns.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.catalog.LocationType.SELLABLE;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.inventory.LedgerFixtures.move;

import java.time.Duration;
import java.time.OffsetDateTime;
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
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A break from a physical count, through the API and the real reconciliation-break process: the run opens it, an
 * inventory-control task investigates it, a manager approves the adjustment move, four eyes enforced.
 */
@ReturnsIntegrationTest
class ReconciliationBreakProcessTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    StockLedger ledger;
    @Autowired
    DSLContext db;

    ApiClient api;
    Map<LocationType, Long> warehouse;
    String warehouseCode;
    String sku;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        LedgerFixtures fixtures = new LedgerFixtures(db);
        warehouse = fixtures.warehouse();
        warehouseCode = db.select(LOCATION.WAREHOUSE_CODE).from(LOCATION)
                .where(LOCATION.ID.eq(warehouse.get(SELLABLE))).fetchSingle(LOCATION.WAREHOUSE_CODE);
        sku = fixtures.product(false);
        ledger.record(move(sku, null, 10, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 800L));
    }

    @Test
    void aCountDifferenceIsAdjustedThroughAnApprovedMoveAndTheBreakCloses() {
        Map<String, Object> found = breakFromCount(7);
        Map<String, Object> investigation = taskOf(found, "inventory-control", "inventory1");

        complete("inventory1", investigation, Map.of("resolution", "ADJUST", "comment", "3 units stolen"));
        Map<String, Object> approval = taskOf(found, "manager", "manager1");
        complete("manager1", approval, Map.of("approved", true, "approvalComment", "police report filed"));

        Map<String, Object> adjusted = awaitBreak(found, "ADJUSTED");
        assertThat(adjusted).containsEntry("resolvedBy", "manager1").containsEntry("resolutionComment", "3 units stolen");
        assertThat(api.get("support1", "/api/inventory/" + sku).getBody()).containsEntry("availableToSell", 7);
        run();
        assertThat(api.getList("inventory1", "/api/reconciliation/breaks?status=OPEN").getBody())
                .noneMatch(open -> sku.equals(open.get("sku")));
    }

    @Test
    void anInvestigatorCannotApproveTheirOwnAdjustment() {
        Map<String, Object> found = breakFromCount(12);
        complete("admin", taskOf(found, "inventory-control", "admin"),
                Map.of("resolution", "ADJUST", "comment", "found behind the shelf"));
        Map<String, Object> approval = taskOf(found, "manager", "admin");

        complete("admin", approval, Map.of("approved", true));

        Map<String, Object> again = await().atMost(Duration.ofSeconds(20)).until(
                () -> taskOfOrNull(found, "manager", "manager1"),
                task -> task != null && !task.get("id").equals(approval.get("id")));
        assertThat(api.get("inventory1", "/api/reconciliation/breaks/" + found.get("id")).getBody())
                .containsEntry("status", "OPEN");
        complete("manager1", again, Map.of("approved", true));
        awaitBreak(found, "ADJUSTED");
        assertThat(api.get("support1", "/api/inventory/" + sku).getBody()).containsEntry("availableToSell", 12);
    }

    @Test
    void aBreakCanBeAcceptedWithAReason() {
        Map<String, Object> found = breakFromCount(9);

        complete("inventory1", taskOf(found, "inventory-control", "inventory1"),
                Map.of("resolution", "ACCEPT", "comment", "counted before the last delivery was shelved"));

        assertThat(awaitBreak(found, "ACCEPTED")).containsEntry("resolvedBy", "inventory1");
        assertThat(api.get("support1", "/api/inventory/" + sku).getBody()).containsEntry("availableToSell", 10);
    }

    @Test
    void countsAndChannelStockWithUnknownThingsAreRefusedNamingTheField() {
        ResponseEntity<Map<String, Object>> count = api.post("inventory1", "/api/stock-counts", Map.of(
                "warehouse", "NOWHERE", "locationType", "SELLABLE", "countedAt", "2026-11-20T10:00:00Z",
                "lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1))));
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(count)).containsExactlyInAnyOrder("warehouse", "lines[0].sku");

        ResponseEntity<Map<String, Object>> channel = api.post("inventory1", "/api/channel-stock", Map.of(
                "channel", "WEB", "reportedAt", "2026-11-20T10:00:00Z",
                "lines", List.of(Map.of("sku", sku, "quantity", -1))));
        assertThat(channel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(channel)).containsExactly("lines[0].quantity");
    }

    @Test
    void aReceiptNamingAnUnregisteredPurchaseOrderOpensABreakForInventoryControl() {
        String purchaseOrder = "PO-UNREGISTERED-" + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> received = api.post("warehouse1", "/api/purchase-receipts", Map.of(
                "receiptId", "GRN-" + UUID.randomUUID(), "purchaseOrderId", purchaseOrder,
                "warehouse", warehouseCode, "receivedAt", OffsetDateTime.now().toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", 2, "unitCost", 8))));
        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(run().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> found = api.getList("inventory1", "/api/reconciliation/breaks?status=OPEN").getBody()
                .stream().filter(open -> ("purchase order " + purchaseOrder).equals(open.get("reference")))
                .findFirst().orElseThrow();

        assertThat(found).containsEntry("type", "RECEIVED_VS_ORDERED").containsEntry("expected", 0)
                .containsEntry("actual", 2);
        complete("inventory1", taskOf(found, "inventory-control", "inventory1"),
                Map.of("resolution", "ACCEPT", "comment", "ERP sends no purchase orders for this supplier"));
        assertThat(awaitBreak(found, "ACCEPTED")).containsEntry("resolvedBy", "inventory1");
    }

    @Test
    void onlyInventoryControlFinanceAndManagersStartRuns() {
        assertThat(api.post("quality1", "/api/reconciliation/runs", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private Map<String, Object> breakFromCount(int counted) {
        ResponseEntity<Map<String, Object>> count = api.post("inventory1", "/api/stock-counts", Map.of(
                "warehouse", warehouseCode, "locationType", "SELLABLE",
                "countedAt", OffsetDateTime.now().toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", counted))));
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(run().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return api.getList("inventory1", "/api/reconciliation/breaks?status=OPEN").getBody().stream()
                .filter(found -> sku.equals(found.get("sku")) && "COUNT_VARIANCE".equals(found.get("type")))
                .findFirst().orElseThrow();
    }

    private ResponseEntity<Map<String, Object>> run() {
        return api.post("inventory1", "/api/reconciliation/runs", Map.of());
    }

    private Map<String, Object> taskOf(Map<String, Object> found, String group, String user) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> taskOfOrNull(found, group, user), task -> task != null);
    }

    private Map<String, Object> taskOfOrNull(Map<String, Object> found, String group, String user) {
        String breakId = String.valueOf(found.get("id"));
        return api.getList(user, "/api/tasks?group=" + group).getBody().stream()
                .filter(task -> breakId.equals(((Map<?, ?>) task.get("context")).get("breakId")))
                .findFirst().orElse(null);
    }

    private void complete(String user, Map<String, Object> task, Map<String, Object> variables) {
        ResponseEntity<Map<String, Object>> completed =
                api.post(user, "/api/tasks/" + task.get("id") + "/complete", variables);
        assertThat(completed.getStatusCode()).as(String.valueOf(completed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private Map<String, Object> awaitBreak(Map<String, Object> found, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("inventory1", "/api/reconciliation/breaks/" + found.get("id")).getBody(),
                current -> status.equals(current.get("status")));
    }
}
