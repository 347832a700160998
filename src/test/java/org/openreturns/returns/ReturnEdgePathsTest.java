package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.lines;
import static org.openreturns.returns.LifecycleDriver.refund;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.serializedInspection;
import static org.openreturns.returns.LifecycleDriver.sold;
import static org.openreturns.returns.LifecycleDriver.timelineTypes;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The edge paths of the lifecycle on the real engine: rejection, manual review, expiry, parcels without an RMA,
 * serial mismatch, partial returns, duplicate carrier events, SLA escalation and a refused approval.
 */
@ReturnsIntegrationTest
class ReturnEdgePathsTest {

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

    LifecycleDriver driver;
    String tshirt;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
        tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
    }

    @Test
    void finalSaleItemIsRejectedWithTheReasonAndNothingMoves() {
        String briefs = driver.product("BRIEFS", "underwear", "8.90", "29.90", false, true);
        String orderId = driver.order("STANDARD", sold(1, briefs, 1, "29.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"))
                .get("returnId");

        Map<String, Object> rejected = driver.awaitStatus(returnId, "REJECTED");
        assertThat(timelineTypes(rejected)).containsExactly("REQUESTED", "RISK_SCORED", "ELIGIBILITY_CHECKED", "REJECTED");
        assertThat(lines(rejected).get(0)).containsEntry("eligibility", "REJECT");
        assertThat(driver.entries(returnId)).isEmpty();
        assertThat(driver.stock(briefs)).isEmpty();
        assertThat(rejected.get("refund")).isNull();
        assertThat(rejected.get("notifications").toString()).contains("RETURN_REJECTED", "Final-sale");
    }

    @Test
    void blockedCustomerIsRejected() {
        String orderId = driver.order("BLOCKED", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"))
                .get("returnId");
        assertThat(driver.awaitStatus(returnId, "REJECTED").get("timeline").toString()).contains("blocked");
    }

    @Test
    void damagedItemReturnedForAChangeOfMindIsReviewedBySupportAndApproved() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "DAMAGED"))
                .get("returnId");
        driver.awaitStatus(returnId, "PENDING_REVIEW");
        Map<String, Object> review = driver.awaitTask("support", returnId, "ReviewReturn");

        driver.completed("support1", review, Map.of("approved", true, "decisionReason", "Loyal customer, goodwill"));

        Map<String, Object> authorized = driver.awaitStatus(returnId, "AUTHORIZED");
        assertThat(((List<Map<String, Object>>) authorized.get("timeline"))).filteredOn(e -> "AUTHORIZED".equals(e.get("type")))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("actor", "support1")
                        .extracting(x -> (String) x.get("detail")).asString().contains("goodwill"));
    }

    @Test
    void manualReviewRefusedRejectsTheReturnWithTheReviewersReason() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "DAMAGED"))
                .get("returnId");
        Map<String, Object> review = driver.awaitTask("support", returnId, "ReviewReturn");

        driver.completed("support1", review, Map.of("approved", false, "decisionReason", "Damage caused by wearing"));

        Map<String, Object> rejected = driver.awaitStatus(returnId, "REJECTED");
        assertThat(timelineTypes(rejected)).containsExactly("REQUESTED", "RISK_SCORED", "ELIGIBILITY_CHECKED", "REJECTED");
        assertThat(rejected.get("timeline").toString()).contains("Damage caused by wearing");
        assertThat(driver.entries(returnId)).isEmpty();
        assertThat(driver.stock(tshirt)).isEmpty();
        assertThat(rejected.get("refund")).isNull();
    }

    @Test
    void returnWhoseParcelNeverArrivesExpiresAndItsQuantityCanBeReturnedAgain() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"))
                .get("returnId");
        driver.awaitStatus(returnId, "AUTHORIZED");

        driver.fireTimer(returnId, "ParcelExpired");

        Map<String, Object> expired = driver.awaitStatus(returnId, "EXPIRED");
        assertThat(timelineTypes(expired)).containsExactly("REQUESTED", "RISK_SCORED", "ELIGIBILITY_CHECKED", "AUTHORIZED", "EXPIRED");
        assertThat(driver.stock(tshirt)).isEmpty();
        assertThat(driver.entries(returnId)).isEmpty();
        assertThat(expired.get("refund")).isNull();
        assertThat(expired.get("notifications").toString()).contains("RETURN_EXPIRED");
        assertThat(driver.api.getList("warehouse1", "/api/warehouses/" + driver.warehouse + "/expected-inbound")
                .getBody()).isEmpty();
        driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"));
    }

    @Test
    void parcelWithoutAKnownRmaIsLinkedByTheWarehouseToItsReturn() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        driver.awaitStatus(returnId, "AUTHORIZED");

        ResponseEntity<Map<String, Object>> scanned = driver.scan("RMA-UNKNOWN-1", item(tshirt, null, 1));
        assertThat(scanned.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String receiptId = String.valueOf(scanned.getBody().get("receiptId"));
        Map<String, Object> task = driver.awaitTask("warehouse", "receiptId", Long.valueOf(receiptId),
                "HandleUnexpectedParcel");

        driver.completed("warehouse1", task, Map.of("parcelAction", "LINK", "otherReturn", "no-such-return"));
        Map<String, Object> again = driver.awaitTask("warehouse", "receiptId", Long.valueOf(receiptId),
                "HandleUnexpectedParcel");
        assertThat(again.get("id")).isNotEqualTo(task.get("id"));
        assertThat((String) again.get("name")).startsWith("Unexpected parcel at " + driver.warehouse + " · 1 x " + tshirt);
        // The return is among the candidates (same SKU); the answer typed in before is cleared as the form would.
        driver.completed("warehouse1", again, Map.of("parcelAction", "LINK", "returnId", requested.get("rmaNumber"),
                "otherReturn", ""));

        driver.awaitStatus(returnId, "RECEIVED");
        assertThat(driver.stock(tshirt)).containsEntry("QUARANTINE", 1);
        assertThat(driver.awaitTask("quality", returnId, "InspectReturn")).isNotNull();
    }

    @Test
    void parcelWithADifferentItemIsFoundByItsSendersEMailAmongTheCustomersReturns() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"));
        driver.awaitStatus((String) requested.get("returnId"), "AUTHORIZED");
        String mug = driver.product("MUG", "kitchen", "2.00", "9.90", false, false);

        ResponseEntity<Map<String, Object>> scanned = driver.api.post("warehouse1", "/api/receipts", Map.of(
                "warehouse", driver.warehouse, "lines", List.of(item(mug, null, 1)),
                "sender", Map.of("name", "Anna Berg", "email", ApiClient.emailOf("C-" + orderId).toUpperCase(),
                        "postcode", "10115")));
        assertThat(scanned.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> task = driver.awaitTask("warehouse", "receiptId",
                ((Number) scanned.getBody().get("receiptId")).longValue(), "HandleUnexpectedParcel");

        Map<String, Object> form = processEngine.getTaskService().getVariables((String) task.get("id"));
        assertThat((String) form.get("parcelSummary")).contains("Sent by Anna Berg, "
                + ApiClient.emailOf("C-" + orderId).toUpperCase() + ", 10115");
        assertThat(((String) form.get("candidateReturns")).lines())
                .as("not the SKU that was sold, but the same customer")
                .anySatisfy(candidate -> assertThat(candidate).startsWith(requested.get("rmaNumber") + " · ")
                        .contains("customer's e-mail " + ApiClient.emailOf("C-" + orderId)).doesNotContain("same SKU"));
    }

    @Test
    void parcelScanWithASenderEMailThatIsNoAddressIsRefusedNamingTheField() {
        ResponseEntity<Map<String, Object>> scanned = driver.api.post("warehouse1", "/api/receipts", Map.of(
                "warehouse", driver.warehouse, "lines", List.of(item(tshirt, null, 1)),
                "sender", Map.of("email", "anna at example")));

        assertThat(scanned.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(scanned.getBody())).contains("sender.email");
    }

    @Test
    void parcelNobodyCanPlaceIsKeptInQuarantine() {
        ResponseEntity<Map<String, Object>> scanned = driver.scan(null, item(tshirt, null, 2));
        Long receiptId = ((Number) scanned.getBody().get("receiptId")).longValue();
        Map<String, Object> task = driver.awaitTask("warehouse", "receiptId", receiptId, "HandleUnexpectedParcel");

        driver.completed("warehouse1", task, Map.of("parcelAction", "QUARANTINE", "notes", "No paperwork in the box"));

        org.awaitility.Awaitility.await().until(() -> driver.stock(tshirt).getOrDefault("QUARANTINE", 0) == 2);
    }

    @Test
    void serialThatWasNotSoldPutsTheReturnOnHoldUntilAManagerResolvesItAndFinanceApproves() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String orderId = driver.order("STANDARD", sold(1, watch, 1, "649.00", "SN-1"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "DEFECTIVE", "OPENED"),
                item(watch, "SN-9", 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                serializedInspection("A", "SN-9", false));

        Map<String, Object> dispute = driver.awaitTask("manager", returnId, "ResolveDispute");
        Map<String, Object> held = driver.awaitStatus(returnId, "DISPUTED");
        assertThat(lines(held).get(0)).containsEntry("disposition", "HOLD").containsEntry("locationType", "BLOCKED");
        assertThat(driver.stock(watch)).containsEntry("BLOCKED", 1);
        assertThat(held.get("refund")).isNull();

        driver.completed("manager1", dispute, Map.of("disposition", "RESTOCK", "refundDecision", "NONE",
                "comment", "Customer sent another unit; returned to stock, no refund"));
        Map<String, Object> approval = driver.awaitTask("finance", returnId, "ApproveReturn");
        driver.completed("finance1", approval, Map.of("approved", true, "comment", "Agreed"));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed)).containsSubsequence("ITEM_MISMATCH", "LINE_INSPECTED", "DECIDED",
                "DISPUTED", "DISPUTE_RESOLVED", "APPROVED", "RESOLVED", "CLOSED");
        assertThat(driver.stock(watch)).containsEntry("SELLABLE", 1).doesNotContainKey("BLOCKED");
        assertThat(refund(closed)).containsEntry("decision", "NONE").containsEntry("status", "RELEASED");
    }

    @Test
    void partOfALineCanBeReturnedAndTheRestLaterButNeverMoreThanWasSold() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 3, "19.90"));
        String first = (String) driver.requestReturn(orderId, returning(1, 2, "SIZE_TOO_SMALL", "UNOPENED"))
                .get("returnId");
        driver.awaitStatus(first, "AUTHORIZED");

        ResponseEntity<Map<String, Object>> tooMany = driver.api.post("support1", "/api/returns", Map.of(
                "orderId", orderId, "lines", List.of(returning(1, 2, "SIZE_TOO_SMALL", "UNOPENED"))));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(tooMany)).containsExactly("lines[0].quantity");

        String rest = (String) driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"))
                .get("returnId");
        driver.awaitStatus(rest, "AUTHORIZED");
        Map<String, Object> firstReturn = driver.details(first);
        driver.scan((String) firstReturn.get("rmaNumber"), item(tshirt, null, 2));
        driver.completed("quality1", driver.awaitTask("quality", first, "InspectReturn"), inspection("A", true, true));
        assertThat(refund(driver.awaitStatus(first, "CLOSED"))).containsEntry("amountMinor", 3980);
        assertThat(driver.stock(tshirt)).containsEntry("SELLABLE", 2);
    }

    @Test
    void aCarrierEventDeliveredTwiceIsRecordedOnce() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"))
                .get("returnId");
        driver.awaitStatus(returnId, "AUTHORIZED");
        Map<String, Object> event = Map.of("eventId", "DHL-" + returnId, "type", "IN_TRANSIT",
                "at", "2026-11-20T10:00:00Z");

        ResponseEntity<Map<String, Object>> first = driver.api.post("warehouse1",
                "/api/returns/" + returnId + "/parcel-events", event);
        ResponseEntity<Map<String, Object>> second = driver.api.post("warehouse1",
                "/api/returns/" + returnId + "/parcel-events", event);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody()).containsEntry("recorded", false);
        Map<String, Object> inTransit = driver.awaitStatus(returnId, "IN_TRANSIT");
        assertThat(timelineTypes(inTransit).stream().filter("CARRIER_EVENT"::equals)).hasSize(1);
        // The process still waits for the parcel: the scan goes through.
        driver.scan((String) inTransit.get("rmaNumber"), item(tshirt, null, 1));
        driver.awaitStatus(returnId, "RECEIVED");
    }

    @Test
    void anOverdueReviewIsEscalatedToTheManagersWithoutStoppingIt() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "DAMAGED"))
                .get("returnId");
        Map<String, Object> review = driver.awaitTask("support", returnId, "ReviewReturn");
        int before = ((Number) driver.api.get("manager1", "/api/returns/sla-escalations").getBody().get("REVIEW"))
                .intValue();

        driver.fireTimer(returnId, "ReviewOverdue");

        Map<String, Object> escalated = org.awaitility.Awaitility.await().until(() -> driver.details(returnId),
                details -> timelineTypes(details).contains("SLA_ESCALATED"));
        assertThat(escalated).containsEntry("status", "PENDING_REVIEW");
        assertThat(driver.awaitTask("manager", returnId, "ReviewReturn").get("id")).isEqualTo(review.get("id"));
        assertThat(((Number) driver.api.get("manager1", "/api/returns/sla-escalations").getBody().get("REVIEW"))
                .intValue()).isEqualTo(before + 1);
        driver.completed("support1", review, Map.of("approved", true, "decisionReason", "ok"));
        driver.awaitStatus(returnId, "AUTHORIZED");
    }

    @Test
    void findingsThatContradictTheSaleGoBackToTheInspectorWithTheProblemNamed() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String orderId = driver.order("STANDARD", sold(1, watch, 1, "649.00", "SN-5"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "OPENED"),
                item(watch, "SN-5", 1));
        String returnId = (String) requested.get("returnId");
        Map<String, Object> first = driver.awaitTask("quality", returnId, "InspectReturn");

        driver.completed("quality1", first, serializedInspection("A", "SN-6", true));

        Map<String, Object> second = driver.awaitTask("quality", returnId, "InspectReturn");
        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        Map<String, Object> sentBack = driver.details(returnId);
        assertThat(sentBack).containsEntry("status", "RECEIVED");
        assertThat(sentBack.get("timeline").toString()).contains("INSPECTION_RETURNED",
                "serial SN-6 was not sold on line 1");
        assertThat(sentBack.get("refund")).isNull();
        driver.completed("quality1", second, serializedInspection("A", "SN-5", true));
        driver.awaitTask("finance", returnId, "ApproveReturn");
    }

    @Test
    void anInspectionNotDoneInTimeIsEscalatedAndTheInspectorCanStillDoIt() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"),
                item(tshirt, null, 1));
        String returnId = (String) requested.get("returnId");
        Map<String, Object> inspection = driver.awaitTask("quality", returnId, "InspectReturn");

        driver.fireTimer(returnId, "InspectionOverdue");

        assertThat(driver.awaitTask("manager", returnId, "InspectReturn").get("id")).isEqualTo(inspection.get("id"));
        assertThat(timelineTypes(driver.details(returnId))).contains("SLA_ESCALATED");
        driver.completed("quality1", inspection, inspection("A", true, true));
        assertThat(refund(driver.awaitStatus(returnId, "CLOSED"))).containsEntry("status", "RELEASED");
    }

    @Test
    void aRefusedApprovalPutsTheReturnOnHoldAndNoMoneyLeavesUntilItIsResolvedAndApproved() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String orderId = driver.order("STANDARD", sold(1, watch, 1, "649.00", "SN-7"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "OPENED"),
                item(watch, "SN-7", 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("admin", driver.awaitTask("quality", returnId, "InspectReturn"),
                serializedInspection("B", "SN-7", true));

        driver.completed("finance1", driver.awaitTask("finance", returnId, "ApproveReturn"),
                Map.of("approved", false, "comment", "Scratches on the case: check again"));

        Map<String, Object> dispute = driver.awaitTask("manager", returnId, "ResolveDispute");
        Map<String, Object> held = driver.awaitStatus(returnId, "DISPUTED");
        assertThat(held.get("refund")).isNull();
        assertThat(driver.stock(watch)).containsEntry("BLOCKED", 1);
        ResponseEntity<Map<String, Object>> byTheInspector = driver.complete("admin", dispute, Map.of(
                "disposition", "REFURBISH", "refundDecision", "PARTIAL", "deductionPercent", 15, "comment", "x"));
        assertThat(byTheInspector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) byTheInspector.getBody().get("detail")).contains("four eyes");

        driver.completed("manager1", dispute, Map.of("disposition", "REFURBISH", "refundDecision", "PARTIAL",
                "deductionPercent", 15, "comment", "Scratched case: refurbish, 15 % deduction"));
        driver.completed("finance1", driver.awaitTask("finance", returnId, "ApproveReturn"),
                Map.of("approved", true, "comment", "Agreed"));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed)).containsSubsequence("APPROVAL_REFUSED", "DISPUTED", "DISPUTE_RESOLVED",
                "APPROVED", "RESOLVED", "CLOSED");
        assertThat(driver.stock(watch)).containsEntry("REFURBISHMENT", 1);
        assertThat(refund(closed)).containsEntry("decision", "PARTIAL").containsEntry("amountMinor", 55165)
                .containsEntry("status", "RELEASED");
    }
}
