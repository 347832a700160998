package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.lines;
import static org.openreturns.returns.LifecycleDriver.refund;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;
import static org.openreturns.returns.LifecycleDriver.timelineTypes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.openreturns.refunds.RefundTestSupport.ScriptedPaymentGateway;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Conflicts in the data of a step are business paths, never incidents (docs/conflicts.md): each test plants one
 * conflict on the real engine and checks the path taken, the return's status, the task (group, title, what its form
 * shows) and that stock, journal and refunds are untouched until a person resolved it; then that the return goes on.
 * Only an outage (the payment provider unreachable) is retried into an incident.
 */
@ReturnsIntegrationTest
class BusinessConflictsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ProcessClock processClock;
    @Autowired
    ScriptedPaymentGateway gateway;

    LifecycleDriver driver;
    OperatonProbe probe;
    String tshirt;

    @BeforeEach
    void setUp() {
        probe = new OperatonProbe(processEngine, processClock);
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog, probe);
        tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
    }

    @Test
    void aSerialTheLedgerHoldsElsewhereStopsTheReceiptAtInventoryControlUntilTheBooksAreCorrected() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        // The sale's shipment of SN-1 was never booked: the ledger still has the unit in sellable stock.
        driver.stockUnit(watch, "SN-1");
        String orderId = driver.order("STANDARD", sold(1, watch, 1, "649.00", "SN-1"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "DEFECTIVE", "OPENED"),
                item(watch, "SN-1", 1));
        String returnId = (String) requested.get("returnId");

        Map<String, Object> task = driver.awaitTask("inventory-control", returnId, "ResolveReceiptConflict");

        assertThat(task).containsEntry("name", "Receipt conflict · " + requested.get("rmaNumber"))
                .containsEntry("formId", "step-conflict").containsEntry("candidateGroups", List.of("inventory-control"));
        assertThat((String) probe.taskVariable((String) task.get("id"), "conflictProblem"))
                .contains("Serial SN-1 of " + watch + " is at " + driver.warehouse + " SELLABLE")
                .contains("correct the stock ledger");
        Map<String, Object> stopped = driver.details(returnId);
        assertThat(stopped).containsEntry("status", "AUTHORIZED");
        assertThat(timelineTypes(stopped)).endsWith("RECEIPT_CONFLICT");
        assertThat(driver.stock(watch)).containsExactlyEntriesOf(Map.of("SELLABLE", 1));
        assertThat(driver.entries(returnId)).isEmpty();
        assertThat(stopped.get("refund")).isNull();
        assertThat(probe.incident(returnId)).isEmpty();

        driver.move(watch, "SN-1", 1, LocationType.SELLABLE, LocationType.CUSTOMER, MoveReason.SALE_SHIPMENT);
        driver.completed("inventory1", task, Map.of("conflictResolution", "Booked the missing shipment of SN-1"));

        Map<String, Object> received = driver.awaitStatus(returnId, "RECEIVED");
        assertThat(timelineTypes(received)).containsSubsequence("RECEIPT_CONFLICT", "CONFLICT_RESOLVED",
                "PARCEL_RECEIVED", "ITEM_RECEIVED");
        assertThat(received.get("timeline").toString()).contains("Booked the missing shipment of SN-1");
        assertThat(driver.stock(watch)).containsExactlyEntriesOf(Map.of("QUARANTINE", 1));
        assertThat(driver.awaitTask("quality", returnId, "InspectReturn")).isNotNull();
    }

    @Test
    void unitsMovedAwayBeforeTheResolutionStopItAtInventoryControlWithNothingMovedOrPaid() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.returnedAndScanned(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"),
                item(tshirt, null, 1)).get("returnId");
        Map<String, Object> inspection = driver.awaitTask("quality", returnId, "InspectReturn");
        // Someone blocks the unit in quarantine while it waits for inspection.
        driver.move(tshirt, null, 1, LocationType.QUARANTINE, LocationType.BLOCKED, MoveReason.BLOCK);
        List<String> entriesBefore = driver.entries(returnId);

        driver.completed("quality1", inspection, inspection("A", true, true));

        Map<String, Object> task = driver.awaitTask("inventory-control", returnId, "ResolveStockConflict");
        assertThat((String) task.get("name")).startsWith("Stock conflict · RMA-");
        assertThat((String) probe.taskVariable((String) task.get("id"), "conflictProblem"))
                .contains("Not enough stock: " + tshirt + " at " + driver.warehouse + " QUARANTINE holds 0");
        Map<String, Object> stopped = driver.details(returnId);
        assertThat(stopped).containsEntry("status", "INSPECTED");
        assertThat(timelineTypes(stopped)).endsWith("STOCK_CONFLICT");
        assertThat(lines(stopped).get(0)).containsEntry("disposition", "RESTOCK")
                .containsEntry("locationType", "QUARANTINE");
        assertThat(driver.stock(tshirt)).containsExactlyEntriesOf(Map.of("BLOCKED", 1));
        assertThat(driver.entries(returnId)).isEqualTo(entriesBefore);
        assertThat(stopped.get("refund")).as("no money before the units are where they should be").isNull();

        driver.move(tshirt, null, 1, LocationType.BLOCKED, LocationType.QUARANTINE, MoveReason.RELEASE);
        driver.completed("inventory1", task, Map.of("conflictResolution", "Released the unit back to quarantine"));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed)).containsSubsequence("STOCK_CONFLICT", "CONFLICT_RESOLVED", "RESOLVED",
                "CLOSED");
        assertThat(driver.stock(tshirt)).containsExactlyEntriesOf(Map.of("SELLABLE", 1));
        assertThat(refund(closed)).containsEntry("status", "RELEASED").containsEntry("amountMinor", 1990);
    }

    @Test
    void aRefundTheGatewayDeclinesGoesToFinanceAndTheReturnIsNotResolvedUntilItIsPaid() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        gateway.declineRefundsOf(UUID.fromString(returnId), "card expired");
        driver.awaitStatus(returnId, "AUTHORIZED");
        driver.scan((String) requested.get("rmaNumber"), item(tshirt, null, 1));
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));

        Map<String, Object> task = driver.awaitTask("finance", returnId, "ResolveDeclinedRefund");

        assertThat(task).containsEntry("name", "Refund declined · " + requested.get("rmaNumber"))
                .containsEntry("candidateGroups", List.of("finance"));
        assertThat((String) probe.taskVariable((String) task.get("id"), "conflictProblem"))
                .contains("declined the refund of line 1", "19.90 EUR", "card expired");
        Map<String, Object> stopped = driver.details(returnId);
        assertThat(stopped).containsEntry("status", "INSPECTED");
        assertThat(timelineTypes(stopped)).doesNotContain("RESOLVED").endsWith("REFUND_DECLINED");
        assertThat(refund(stopped)).containsEntry("status", "FAILED");
        assertThat(refundOf(returnId)).containsEntry("status", "FAILED").containsEntry("failureReason", "card expired")
                .doesNotContainKey("creditNote");
        assertThat(driver.entries(returnId)).noneMatch(entry -> entry.startsWith("REFUND_PAID"));

        gateway.payRefundsOf(UUID.fromString(returnId));
        driver.completed("finance1", task, Map.of("conflictResolution", "Customer gave a new card"));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed)).containsSubsequence("REFUND_DECLINED", "CONFLICT_RESOLVED", "RESOLVED",
                "CLOSED");
        assertThat(refund(closed)).containsEntry("status", "RELEASED").containsEntry("amountMinor", 1990);
        assertThat(refundOf(returnId).get("creditNote")).isNotNull();
        assertThat(driver.entries(returnId).stream().filter(entry -> entry.startsWith("REFUND_PAID"))).hasSize(1);
    }

    @Test
    void aPaymentProviderThatDoesNotAnswerIsAnOutageRetriedIntoAnIncidentThatNamesTheRefund() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        gateway.unreachableFor(UUID.fromString(returnId), "connect timed out");
        driver.awaitStatus(returnId, "AUTHORIZED");
        driver.scan((String) requested.get("rmaNumber"), item(tshirt, null, 1));
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));

        Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> probe.incident(returnId),
                found -> found.isPresent()).orElseThrow();

        assertThat(incident.getActivityId()).isEqualTo("ReleaseRefunds");
        assertThat(incident.getIncidentMessage()).contains("Payment gateway OFFLINE did not answer for refund",
                requested.get("rmaNumber") + " line 1", "19.90 EUR", "connect timed out", "Nothing was paid or posted");
        Map<String, Object> stuck = driver.details(returnId);
        assertThat(stuck).containsEntry("status", "INSPECTED");
        assertThat(stuck.get("refund")).as("the failed attempts rolled back").isNull();
        assertThat(driver.api.getList("finance1", "/api/tasks?group=finance").getBody())
                .noneMatch(task -> returnId.equals(((Map<?, ?>) task.get("context")).get("returnId")));

        gateway.payRefundsOf(UUID.fromString(returnId));
        processEngine.getManagementService().setJobRetries(incident.getConfiguration(), 1);

        assertThat(refund(driver.awaitStatus(returnId, "CLOSED"))).containsEntry("status", "RELEASED");
    }

    @Test
    void moreUnitsThanAuthorizedAreRefusedNamingTheFieldAndNothingIsRecorded() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 3, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        driver.awaitStatus(returnId, "AUTHORIZED");

        ResponseEntity<Map<String, Object>> tooMany = driver.scan(rma, item(tshirt, null, 3));

        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(tooMany)).containsExactly("lines[0].quantity");
        assertThat((String) tooMany.getBody().get("detail")).contains("3 x " + tshirt, "authorizes (1)",
                "the other 2 as a parcel without RMA");
        assertThat(driver.details(returnId)).containsEntry("status", "AUTHORIZED");
        assertThat(driver.stock(tshirt)).isEmpty();
        assertThat(driver.entries(returnId)).isEmpty();

        assertThat(driver.scan(rma, item(tshirt, null, 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        driver.awaitStatus(returnId, "RECEIVED");
    }

    @Test
    void aSkuThatIsNotOnTheOrderIsReceivedAsAMismatchForQualityAndAnUnknownSkuIsRefused() {
        String cap = driver.product("CAP", "caps", "3.10", "14.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        driver.awaitStatus(returnId, "AUTHORIZED");

        ResponseEntity<Map<String, Object>> unknown = driver.scan(rma, item("NO-SUCH-SKU-" + UUID.randomUUID(), null, 1));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("lines[0].sku");

        driver.scan(rma, item(cap, null, 1));

        Map<String, Object> task = driver.awaitTask("quality", returnId, "InspectReturn");
        Map<String, Object> received = driver.details(returnId);
        assertThat(received).containsEntry("status", "RECEIVED");
        assertThat(received.get("timeline").toString()).contains("SKU " + cap + " arrived instead of " + tshirt);
        assertThat(lines(received).get(0)).containsEntry("receivedSku", cap).containsEntry("locationType", "QUARANTINE");
        assertThat((String) task.get("name")).contains(cap);
        assertThat(driver.stock(cap)).containsExactlyEntriesOf(Map.of("QUARANTINE", 1));
        assertThat(received.get("refund")).isNull();
    }

    @Test
    void aTaskCompletedTwiceIsRefusedNamingWhoCompletedItAndNothingHappensTwice() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.returnedAndScanned(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"),
                item(tshirt, null, 1)).get("returnId");
        Map<String, Object> task = driver.awaitTask("quality", returnId, "InspectReturn");
        driver.completed("quality1", task, inspection("A", true, true));

        ResponseEntity<Map<String, Object>> again = driver.complete("quality2", task, inspection("C", true, false));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail")).contains("was completed already by quality1");
        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed).stream().filter("LINE_INSPECTED"::equals)).hasSize(1);
        assertThat(lines(closed).get(0)).containsEntry("grade", "A");
        assertThat(driver.stock(tshirt)).containsExactlyEntriesOf(Map.of("SELLABLE", 1));
    }

    /** The return's one refund as finance sees it, with the gateway's answer and the credit note. */
    private Map<String, Object> refundOf(String returnId) {
        return driver.api.getList("finance1", "/api/refunds?returnId=" + returnId).getBody().get(0);
    }
}
