package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.lines;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.serializedInspection;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    void anInspectorCompletesTheInspectionFormInTasklistAndTheReturnMovesOn() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        Map<String, Object> requested = receivedReturn(tshirt, "19.90", null);
        String returnId = (String) requested.get("returnId");
        String inspection = (String) driver.awaitTask("quality", returnId, "InspectReturn").get("id");

        tasklist.logIn("quality1");
        tasklist.openTask(inspection);
        assertThat(tasklist.valueOf("Field_RmaNumber")).isEqualTo(requested.get("rmaNumber"));
        assertThat(tasklist.isReadOnly("Field_RmaNumber")).isTrue();
        assertThat(tasklist.valueOf("Field_LineSummary")).contains("1 x " + tshirt);
        tasklist.claim();
        assertThat(tasklist.choicesOf("Field_Grade")).isEqualTo(GRADES);
        tasklist.choose("Field_Grade", GRADES.get(0));
        tasklist.tick("Field_SkuMatches");
        tasklist.tick("Field_PackagingOk");
        tasklist.tick("Field_Functional");
        tasklist.tick("Field_ReasonConfirmed");
        tasklist.type("Field_Notes", "Sealed, checked in Tasklist");
        tasklist.complete(inspection);

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("grade", "A").containsEntry("disposition", "RESTOCK");
        assertThat(timeline(closed, "LINE_INSPECTED")).containsEntry("actor", "quality1")
                .containsEntry("detail", "Line 1: Grade A; Sealed, checked in Tasklist");
    }

    @Test
    void theInspectorCannotApproveInTasklistButAnotherPersonCan() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String returnId = (String) receivedReturn(watch, "649.00", "SN-T1").get("returnId");
        // admin is in quality and in finance: the one person who could inspect and approve alone.
        driver.completed("admin", driver.awaitTask("quality", returnId, "InspectReturn"),
                serializedInspection("A", "SN-T1", true));
        String approval = (String) driver.awaitTask("finance", returnId, "ApproveReturn").get("id");

        tasklist.logIn("admin");
        tasklist.openTask(approval);
        tasklist.claim();
        tasklist.tick("Field_Approved");
        tasklist.type("Field_Comment", "Looks fine to me");
        assertThat(tasklist.completeRefused())
                .contains("admin inspected this return or resolved its dispute and may not also approve it: "
                        + "four eyes are required");
        assertThat(tasklist.listsTask(approval)).as("the task is still in admin's list").isTrue();
        assertThat(driver.details(returnId)).containsEntry("status", "AWAITING_APPROVAL");
        assertThat(driver.awaitTask("finance", returnId, "ApproveReturn")).containsEntry("id", approval);
        tasklist.unclaim();
        tasklist.logOut();

        tasklist.logIn("finance1");
        tasklist.openTask(approval);
        assertThat(tasklist.valueOf("Field_ApprovalSummary")).contains("LINE_INSPECTED by admin");
        tasklist.claim();
        tasklist.tick("Field_Approved");
        tasklist.type("Field_Comment", "Serial verified");
        tasklist.complete(approval);

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timeline(closed, "APPROVED")).containsEntry("actor", "finance1");
        assertThat(LifecycleDriver.refund(closed)).containsEntry("status", "RELEASED");
    }

    @Test
    void anInspectionSentBackShowsTheInspectorWhatWasWrong() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String returnId = (String) receivedReturn(watch, "649.00", "SN-T2").get("returnId");
        String firstInspection = (String) driver.awaitTask("quality", returnId, "InspectReturn").get("id");

        tasklist.logIn("quality1");
        tasklist.openTask(firstInspection);
        tasklist.claim();
        tasklist.choose("Field_Grade", GRADES.get(0));
        tasklist.tick("Field_SkuMatches");
        tasklist.tick("Field_SerialMatches");
        tasklist.tick("Field_PackagingOk");
        tasklist.tick("Field_Functional");
        tasklist.tick("Field_ReasonConfirmed");
        // The form does not ask for the serial, but a serialized item cannot be recorded without it.
        tasklist.complete(firstInspection);

        String secondInspection = (String) driver.awaitTask("quality", returnId, "InspectReturn").get("id");
        assertThat(secondInspection).isNotEqualTo(firstInspection);
        tasklist.openTask(secondInspection);
        assertThat(tasklist.valueOf("Field_InspectionProblem"))
                .isEqualTo("receivedSerial is required: " + watch + " is serialized");
        tasklist.claim();
        // The answers given before are still in the form; only the serial is missing.
        tasklist.type("Field_ReceivedSerial", "SN-T2");
        tasklist.complete(secondInspection);

        Map<String, Object> awaiting = driver.awaitStatus(returnId, "AWAITING_APPROVAL");
        assertThat(timeline(awaiting, "INSPECTION_RETURNED")).containsEntry("actor", "quality1");
        assertThat(lines(awaiting).get(0)).containsEntry("grade", "A");
    }

    /** A web order of one unit, returned, authorized and scanned at the warehouse: its inspection is next. */
    private Map<String, Object> receivedReturn(String sku, String price, String serial) {
        String[] serials = serial == null ? new String[0] : new String[] {serial};
        String orderId = driver.order("STANDARD", sold(1, sku, 1, price, serials));
        return driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "OPENED"), item(sku, serial, 1));
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
