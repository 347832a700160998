package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.lines;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.serializedInspection;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.openreturns.refunds.RefundTestSupport.ScriptedPaymentGateway;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People working in Operaton's Tasklist, in a headless Chromium against the whole application: they log in, pick
 * their task from the list, read the Camunda Form the application linked to it, fill it in and complete it. The HTTP
 * API drives each return up to the task and checks afterwards what the completion did. A failing test leaves a
 * screenshot, the page's HTML and its console log in {@code target/tasklist-screenshots}.
 */
@ReturnsIntegrationTest
class TasklistBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "tasklist-screenshots");
    private static final List<String> GRADES = List.of(
            "A – like new, resalable as is",
            "B – resalable after repackaging",
            "C – needs refurbishment",
            "D – defective by manufacture (supplier fault)",
            "E – destroyed or not worth saving");

    @LocalServerPort
    int port;
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
    HeadlessChromium chromium;
    Tasklist tasklist;

    /** Runs before {@link #closeBrowser()}, while the page that failed is still open. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && tasklist != null) {
            tasklist.saveScreenshot(SCREENSHOTS, context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
        chromium = HeadlessChromium.start();
        tasklist = new Tasklist(chromium.browser, "http://localhost:" + port, processEngine.getName());
        tasklist.open();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anInspectorAnswersEveryFindingInTasklistWithWhatTheSystemKnowsFilledInAndTheReturnMovesOn() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        Map<String, Object> requested = receivedReturn(tshirt, "19.90", null);
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        String inspection = (String) driver.awaitTask("quality", returnId, "InspectReturn").get("id");

        tasklist.logIn("quality1");
        assertThat(tasklist.titleInList(inspection)).isEqualTo("Inspect " + rma + " line 1 · " + tshirt + " · 19.90 EUR");
        tasklist.openTask(inspection);
        assertThat(tasklist.valueOf("Field_RmaNumber")).isEqualTo(rma);
        assertThat(tasklist.isReadOnly("Field_RmaNumber")).isTrue();
        assertThat(tasklist.valueOf("Field_OrderNumber")).endsWith("(WEB)");
        assertThat(tasklist.valueOf("Field_CustomerMessage")).isEqualTo("Please take it back");
        assertThat(tasklist.valueOf("Field_LineSummary")).contains("1 x " + tshirt);
        tasklist.claim();
        assertThat(tasklist.choicesOf("Field_Grade")).isEqualTo(GRADES);
        assertThat(tasklist.answersOf("Field_SkuMatches")).containsExactly("Yes", "No");
        assertThat(tasklist.answerOf("Field_SkuMatches")).as("no answer is assumed").isEmpty();
        assertThat(tasklist.answerOf("Field_Functional")).isEmpty();
        assertThat(tasklist.shows("Field_SerialMatches")).as("a T-shirt has no serial to check").isFalse();
        tasklist.choose("Field_Grade", GRADES.get(0));
        tasklist.answer("Field_SkuMatches", "Yes");
        tasklist.answer("Field_PackagingOk", "Yes");
        tasklist.answer("Field_Functional", "Yes");
        tasklist.answer("Field_ReasonConfirmed", "Yes");
        tasklist.type("Field_Notes", "Sealed, checked in Tasklist");
        tasklist.complete(inspection);

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("grade", "A").containsEntry("disposition", "RESTOCK");
        assertThat(timeline(closed, "LINE_INSPECTED")).containsEntry("actor", "quality1")
                .containsEntry("detail", "Line 1: Grade A; Sealed, checked in Tasklist");
    }

    @Test
    void theInspectorCannotApproveInTasklistButAnotherPersonCanSeeingTheMoneyAndTheFindings() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String returnId = (String) receivedReturn(watch, "649.00", "SN-T1").get("returnId");
        // admin is in quality and in finance: the one person who could inspect and approve alone.
        Map<String, Object> findings = serializedInspection("A", "SN-T1", true);
        findings.put("evidence", "photo-t1.jpg");
        driver.completed("admin", driver.awaitTask("quality", returnId, "InspectReturn"), findings);
        String approval = (String) driver.awaitTask("finance", returnId, "ApproveReturn").get("id");

        tasklist.logIn("admin");
        tasklist.openTask(approval);
        tasklist.claim();
        tasklist.answer("Field_Approved", "Approve the disposition and refund");
        tasklist.type("Field_Comment", "Looks fine to me");
        assertThat(tasklist.completeRefused())
                .contains("admin inspected this return or resolved its dispute and may not also approve it: "
                        + "four eyes are required");
        assertThat(tasklist.listsTask(approval)).as("the task is still in admin's list").isTrue();
        assertThat(driver.details(returnId)).containsEntry("status", "AWAITING_APPROVAL");
        assertThat(driver.awaitTask("finance", returnId, "ApproveReturn")).containsEntry("id", approval);
        tasklist.unclaim();
        tasklist.logOut();

        // An approver in New York: the inspection's time shows in the browser's time zone, to the minute.
        Instant inspectedAt = Instant.parse((String) processEngine.getTaskService().getVariable(approval,
                "inspectedAt"));
        ZonedDateTime inNewYork = inspectedAt.atZone(ZoneId.of("America/New_York"));
        chromium.useTimeZone("America/New_York");
        tasklist.logIn("finance1");
        tasklist.openTask(approval);
        assertThat(tasklist.valueOf("Field_MoneyAtStake")).startsWith("649.00 EUR paid for the returned units");
        assertThat(tasklist.valueOf("Field_Customer")).startsWith("customer C-");
        assertThat(tasklist.valueOf("Field_Findings")).contains("LINE_INSPECTED by admin").contains("photo-t1.jpg")
                .as("no time in UTC inside the text").doesNotContainPattern("\\d{2}:\\d{2}");
        assertThat(tasklist.dateTimeOf("Field_InspectedAt"))
                .contains(inNewYork.format(DateTimeFormatter.ofPattern("HH:mm")))
                .anySatisfy(date -> assertThat(date).contains(String.valueOf(inNewYork.getYear()))
                        .contains(String.valueOf(inNewYork.getDayOfMonth())));
        assertThat(tasklist.dateTimeOf("Field_RequestedAt")).isNotEmpty();
        assertThat(tasklist.dateTimeOf("Field_ParcelReceivedAt")).isNotEmpty();
        assertThat(tasklist.valueOf("Field_ApprovalSummary")).contains("LINE_INSPECTED by admin");
        assertThat(tasklist.answersOf("Field_Approved")).containsExactly("Approve the disposition and refund",
                "Refuse: put the return on hold for a manager");
        tasklist.claim();
        tasklist.answer("Field_Approved", "Approve the disposition and refund");
        tasklist.type("Field_Comment", "Serial verified");
        tasklist.complete(approval);

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timeline(closed, "APPROVED")).containsEntry("actor", "finance1");
        assertThat(LifecycleDriver.refund(closed)).containsEntry("status", "RELEASED");
    }

    @Test
    void aFindingLeftUnansweredSendsTheInspectionBackNamingIt() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String returnId = (String) receivedReturn(watch, "649.00", "SN-T2").get("returnId");
        String firstInspection = (String) driver.awaitTask("quality", returnId, "InspectReturn").get("id");

        tasklist.logIn("quality1");
        tasklist.openTask(firstInspection);
        assertThat(tasklist.valueOf("Field_ReceivedSerial")).as("the serial the warehouse scanned").isEqualTo("SN-T2");
        tasklist.claim();
        tasklist.choose("Field_Grade", GRADES.get(0));
        tasklist.answer("Field_SkuMatches", "Yes");
        tasklist.answer("Field_PackagingOk", "Yes");
        tasklist.answer("Field_Functional", "Yes");
        tasklist.answer("Field_ReasonConfirmed", "Yes");
        // Whether the serial matches is left open: it is never taken as "no".
        tasklist.complete(firstInspection);

        String secondInspection = (String) driver.awaitTask("quality", returnId, "InspectReturn").get("id");
        assertThat(secondInspection).isNotEqualTo(firstInspection);
        tasklist.openTask(secondInspection);
        assertThat(tasklist.valueOf("Field_InspectionProblem"))
                .isEqualTo("serialMatches is not answered: choose yes (true) or no (false)");
        tasklist.claim();
        assertThat(tasklist.answerOf("Field_SkuMatches")).as("the answers given before are kept").contains("Yes");
        tasklist.answer("Field_SerialMatches", "Yes");
        tasklist.complete(secondInspection);

        Map<String, Object> awaiting = driver.awaitStatus(returnId, "AWAITING_APPROVAL");
        assertThat(timeline(awaiting, "INSPECTION_RETURNED")).containsEntry("actor", "quality1");
        assertThat(lines(awaiting).get(0)).containsEntry("grade", "A");
    }

    @Test
    void supportRefusesAReturnInReviewWithAReasonAsAnExplicitChoice() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "DAMAGED"));
        String returnId = (String) requested.get("returnId");
        String review = (String) driver.awaitTask("support", returnId, "ReviewReturn").get("id");

        tasklist.logIn("support1");
        assertThat(tasklist.titleInList(review)).startsWith("Review " + requested.get("rmaNumber") + " · customer C-");
        tasklist.openTask(review);
        tasklist.claim();
        assertThat(tasklist.answersOf("Field_Approved")).containsExactly("Approve the return", "Refuse the return");
        assertThat(tasklist.answerOf("Field_Approved")).isEmpty();
        tasklist.answer("Field_Approved", "Refuse the return");
        tasklist.type("Field_DecisionReason", "Damaged by the customer after delivery");
        tasklist.complete(review);

        assertThat(driver.awaitStatus(returnId, "REJECTED").get("timeline").toString())
                .contains("Damaged by the customer after delivery");
    }

    @Test
    void theWarehouseLinksAParcelWithoutRmaToTheReturnItChoosesAmongTheCandidates() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        driver.awaitStatus(returnId, "AUTHORIZED");
        Long receiptId = ((Number) driver.scan(null, item(tshirt, null, 1)).getBody().get("receiptId")).longValue();
        Map<String, Object> parcelTask = driver.awaitTask("warehouse", "receiptId", receiptId,
                "HandleUnexpectedParcel");
        String task = (String) parcelTask.get("id");
        Instant scannedAt = Instant.parse((String) processEngine.getTaskService().getVariable(task, "receivedAt"));

        // A warehouse in India: the scan's time shows in the browser's time zone, to the minute.
        chromium.useTimeZone("Asia/Kolkata");
        tasklist.logIn("warehouse1");
        tasklist.openTask(task);
        assertThat(tasklist.valueOf("Field_ParcelSummary")).contains("1 x " + tshirt).doesNotContainPattern(
                "\\d{2}:\\d{2}:\\d{2}\\.\\d");
        ZonedDateTime inKolkata = scannedAt.atZone(ZoneId.of("Asia/Kolkata"));
        assertThat(tasklist.dateTimeOf("Field_ReceivedAt"))
                .contains(inKolkata.format(DateTimeFormatter.ofPattern("HH:mm")))
                .anySatisfy(date -> assertThat(date).contains(String.valueOf(inKolkata.getYear()))
                        .contains(String.valueOf(inKolkata.getDayOfMonth())))
                .noneSatisfy(shown -> assertThat(shown).containsPattern("\\d{2}:\\d{2}:\\d{2}"));
        tasklist.claim();
        assertThat(tasklist.shows("Field_ReturnId")).as("nothing to choose before linking is chosen").isFalse();
        tasklist.answer("Field_ParcelAction", "Link it to a return");
        String candidate = tasklist.answersOf("Field_ReturnId").stream().filter(label -> label.startsWith(rma + " · "))
                .findFirst().orElseThrow();
        assertThat(candidate).contains("customer C-" + orderId).contains("1 x " + tshirt).contains("same SKU");
        tasklist.answer("Field_ReturnId", candidate);
        tasklist.complete(task);

        driver.awaitStatus(returnId, "RECEIVED");
        assertThat(driver.awaitTask("quality", returnId, "InspectReturn")).isNotNull();
    }

    @Test
    void aManagerResolvesADisputeSeeingTheMoneyTheCustomerAndTheFindingsWithEveryOutcomeOffered() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String returnId = (String) receivedReturn(watch, "649.00", "SN-T3").get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                serializedInspection("A", "SN-T3", false));
        String dispute = (String) driver.awaitTask("manager", returnId, "ResolveDispute").get("id");

        tasklist.logIn("manager1");
        tasklist.openTask(dispute);
        assertThat(tasklist.valueOf("Field_MoneyAtStake")).startsWith("649.00 EUR paid for the returned units");
        assertThat(tasklist.valueOf("Field_Customer")).startsWith("customer C-");
        assertThat(tasklist.valueOf("Field_Findings")).contains("LINE_INSPECTED by quality1");
        tasklist.claim();
        assertThat(tasklist.answersOf("Field_Disposition")).containsExactly("Restock (sell again)",
                "Refurbish, then sell", "Return to the supplier", "Liquidate (sell off below value)", "Scrap");
        assertThat(tasklist.answersOf("Field_RefundDecision")).containsExactly("Full refund",
                "Partial refund (deduction below)", "No refund", "Send a replacement instead of a refund");
        assertThat(tasklist.shows("Field_DeductionPercent")).isFalse();
        tasklist.answer("Field_Disposition", "Restock (sell again)");
        tasklist.answer("Field_RefundDecision", "No refund");
        tasklist.type("Field_Comment", "Another unit came back; restocked, no refund");
        tasklist.complete(dispute);

        assertThat(timeline(driver.awaitStatus(returnId, "AWAITING_APPROVAL"), "DISPUTE_RESOLVED"))
                .containsEntry("actor", "manager1");
    }

    /** A web order of one unit, returned, authorized and scanned at the warehouse: its inspection is next. */
    private Map<String, Object> receivedReturn(String sku, String price, String serial) {
        String[] serials = serial == null ? new String[0] : new String[] {serial};
        String orderId = driver.order("STANDARD", sold(1, sku, 1, price, serials));
        return driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "OPENED"), item(sku, serial, 1));
    }

    @Test
    void financeSeesTheRefundTheGatewayDeclinedAndReleasesItAgainSayingWhatWasDone() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "CHANGED_MIND", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        gateway.declineRefundsOf(UUID.fromString(returnId), "account closed");
        driver.awaitStatus(returnId, "AUTHORIZED");
        driver.scan((String) requested.get("rmaNumber"), item(tshirt, null, 1));
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                LifecycleDriver.inspection("A", true, true));
        String task = (String) driver.awaitTask("finance", returnId, "ResolveDeclinedRefund").get("id");

        tasklist.logIn("finance1");
        assertThat(tasklist.titleInList(task)).isEqualTo("Refund declined · " + requested.get("rmaNumber"));
        tasklist.openTask(task);
        assertThat(tasklist.valueOf("Field_ConflictProblem")).contains("declined the refund of line 1",
                "19.90 EUR", "account closed");
        assertThat(tasklist.isReadOnly("Field_ConflictProblem")).isTrue();
        tasklist.claim();
        gateway.payRefundsOf(UUID.fromString(returnId));
        tasklist.type("Field_ConflictResolution", "Customer gave another account");
        tasklist.complete(task);

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timeline(closed, "CONFLICT_RESOLVED")).containsEntry("actor", "finance1")
                .extracting(entry -> (String) entry.get("detail")).asString()
                .contains("Customer gave another account");
        assertThat(LifecycleDriver.refund(closed)).containsEntry("status", "RELEASED");
    }

    /** The return's one timeline entry of the type given. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> timeline(Map<String, Object> details, String type) {
        List<Map<String, Object>> entries = ((List<Map<String, Object>>) details.get("timeline")).stream()
                .filter(entry -> type.equals(entry.get("type"))).toList();
        assertThat(entries).as("timeline entries of type " + type).hasSize(1);
        return entries.get(0);
    }
}
