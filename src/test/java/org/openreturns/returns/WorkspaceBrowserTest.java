package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * Staff in the workspace ({@code /app}), in a headless Chromium against the whole application; the HTTP API drives
 * the returns they look at. Every test leaves a screenshot of the page it ends on in {@code target/workspace-pages}
 * (the ones in docs/images are copied from there); a failing test also the page's HTML and console log.
 */
@ReturnsIntegrationTest
class WorkspaceBrowserTest {

    private static final String PHOTO = "https://photos.example.com/returns/front.jpg";

    static final Path SCREENSHOTS = Path.of("target", "workspace-pages");

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
    Workspace workspace;

    @RegisterExtension
    final AfterTestExecutionCallback screenshot = context -> {
        if (workspace != null) {
            workspace.saveScreenshot(SCREENSHOTS, context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
        chromium = HeadlessChromium.start();
        workspace = new Workspace(chromium.browser, "http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aManagerFindsAReturnByItsRmaAndSeesWhereItsUnitsAreAndWhatWasRefunded() {
        String rma = closedReturn();

        workspace.logIn("manager1");
        assertThat(workspace.heading()).isEqualTo("Returns");
        workspace.typeAndEnter("rma", rma);
        workspace.awaitText(By.cssSelector("#results .count"), "1 return");
        assertThat(workspace.rows("results")).singleElement().asString().startsWith(rma + " | Closed | ")
                .contains("Changed mind").contains("€19.90");
        assertThat(workspace.currentUrl()).as("the filter is in the address, to bookmark and share")
                .contains("rma=" + rma);

        workspace.click(By.linkText(rma));
        assertThat(workspace.heading()).startsWith(rma);
        assertThat(workspace.text(By.id("status"))).isEqualTo("Closed");
        assertThat(workspace.rows("lines")).singleElement().asString().contains("Restock").endsWith("sellable");
        assertThat(workspace.rows("stock")).anySatisfy(move -> assertThat(move).contains("Return receipt · warehouse1"))
                .anySatisfy(move -> assertThat(move).contains("Restock").contains(driver.warehouse + " sellable"));
        assertThat(workspace.rows("money")).anySatisfy(row -> assertThat(row)
                .startsWith("1 | FULL | €19.90 | €0.00 | €19.90 | Released | CN-"));
        assertThat(workspace.text(By.id("money"))).contains("Journal entries");
        assertThat(workspace.text(By.id("timeline"))).contains("LINE_INSPECTED").contains("by quality1");
        assertThat(workspace.pictures("#evidence")).as("the inspector's photo")
                .containsExactly(PHOTO);
        assertThat(workspace.text(By.id("evidence"))).contains("Line 1").contains("CASE-77");
    }

    @Test
    void theReturnsOfAFilterDownloadAsCsv() {
        String rma = closedReturn();

        workspace.logIn("support1");
        workspace.open("/app/returns?warehouse=" + driver.warehouse);
        assertThat(workspace.text(By.cssSelector("#results .count"))).startsWith("1 return");
        Map<String, Object> csv = workspace.download(By.id("export"));
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("disposition")).startsWith("attachment; filename=\"returns-");
        assertThat(((String) csv.get("body")).lines().toList()).hasSize(2)
                .first().asString().startsWith("rma_number,status,requested_at");
        assertThat(((String) csv.get("body")).lines().skip(1).findFirst().orElseThrow())
                .startsWith(rma + ",CLOSED,").contains("," + driver.warehouse + ",").contains(",19.90,EUR,CHANGED_MIND");
    }

    @Test
    void supportIsRefusedTheFinancePagesAndIsNotOfferedThem() {
        String rma = closedReturn();

        workspace.logIn("support1");
        workspace.open("/app/returns/" + rma);
        assertThat(workspace.links(".top nav")).doesNotContain("Refunds held or failed", "Dashboards");
        assertThat(workspace.text(By.id("money"))).as("support sees the refund, not the journal")
                .contains("Released").doesNotContain("Journal entries");

        workspace.open("/app/returns/" + rma + "/journal");
        assertThat(workspace.heading()).isEqualTo("Not for your groups");
        workspace.open("/app/finance/refunds");
        assertThat(workspace.heading()).isEqualTo("Not for your groups");
        workspace.open("/app/dashboards");
        assertThat(workspace.heading()).isEqualTo("Not for your groups");
    }

    @Test
    void aWarehouseUserReceivesAnExpectedParcelByScanningItsRmaThenEachUnit() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 2, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 2, "SIZE_TOO_LARGE", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        driver.awaitStatus(returnId, "AUTHORIZED");

        workspace.logIn("warehouse1");
        workspace.open("/app/receiving?warehouse=" + driver.warehouse);
        assertThat(workspace.rows("expected")).singleElement().asString().startsWith(rma + " | Authorized")
                .contains("2 × " + tshirt);
        assertThat(workspace.text(By.id("prompt"))).isEqualTo("Scan the parcel's RMA or tracking number");

        workspace.typeAndEnter("code", rma);
        workspace.awaitText(By.id("outcome"), "Parcel " + rma + ": scan each unit.");
        assertThat(workspace.text(By.id("prompt"))).isEqualTo("Scan each unit's SKU, then receive the parcel");
        assertThat(workspace.focusedElementId()).as("ready for the next scan").isEqualTo("code");
        workspace.typeAndEnter("code", tshirt);
        workspace.awaitText(By.id("outcome"), "Added 1 × " + tshirt);
        workspace.typeAndEnter("code", tshirt);
        workspace.awaitText(By.cssSelector("#parcel td.number"), "2");
        assertThat(workspace.focusedElementId()).isEqualTo("code");
        workspace.click(By.id("receive"));

        assertThat(workspace.text(By.id("outcome"))).isEqualTo("Received " + rma + ": 2 unit(s) into returns receiving.");
        driver.awaitStatus(returnId, "RECEIVED");
        workspace.open("/app/receiving");
        assertThat(workspace.rows("expected")).as("once received, the parcel is no longer expected").isEmpty();
    }

    @Test
    void aParcelWithoutRmaGoesToTheUnexpectedParcelsFromTheScanner() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String tracking = "TRK-" + driver.warehouse;

        workspace.logIn("warehouse1");
        workspace.open("/app/receiving?warehouse=" + driver.warehouse);
        workspace.typeAndEnter("code", tracking);
        workspace.awaitText(By.id("outcome"), tracking + " is no RMA number and no expected parcel's tracking number.");
        workspace.click(By.id("without-rma"));
        workspace.typeAndEnter("code", tshirt);
        workspace.awaitText(By.id("outcome"), "Added 1 × " + tshirt);
        workspace.click(By.id("receive"));

        assertThat(workspace.text(By.id("outcome"))).startsWith("Kept as unexpected parcel ");
        long receiptId = Long.parseLong(workspace.text(By.id("outcome")).replaceAll("\\D*(\\d+).*", "$1"));
        assertThat(driver.awaitTask("warehouse", "receiptId", receiptId, "HandleUnexpectedParcel")).isNotNull();
    }

    @Test
    void eachGroupSeesItsOwnExceptionQueuesWithCountAgeAndValueAndAManagerSeesThemAll() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        driver.scan(null, item(tshirt, null, 1));

        workspace.logIn("warehouse1");
        workspace.open("/app/queues");
        assertThat(workspace.rowHeadings("queues")).containsExactly("Units in quarantine", "Parcels without RMA");
        workspace.logOut();

        workspace.logIn("manager1");
        workspace.open("/app/queues");
        assertThat(workspace.rowHeadings("queues")).containsExactly("Units in quarantine", "Pending approvals",
                "Disputes", "Parcels without RMA", "Refunds held or failed", "Reconciliation breaks",
                "SLA escalations", "Engine incidents");
        String parcels = workspace.text(By.id("queue-UNEXPECTED_PARCELS"));
        assertThat(parcels).matches("Parcels without RMA [1-9]\\d* .*since .*€.* Tasklist");
        assertThat(workspace.links("#queue-ENGINE_INCIDENTS")).containsExactly("Cockpit");
    }

    @Test
    void theWorkspaceSpeaksTheBrowsersLanguageOrTheOneChosen() {
        workspace.logIn("quality1");
        workspace.open("/app/returns?lang=de");
        assertThat(workspace.heading()).isEqualTo("Retouren");
        workspace.open("/app/returns?lang=fr");
        assertThat(workspace.heading()).isEqualTo("Retours");
        workspace.open("/app/returns?lang=es");
        assertThat(workspace.heading()).isEqualTo("Devoluciones");
        workspace.open("/app/returns?lang=en");
        assertThat(workspace.heading()).isEqualTo("Returns");
    }

    /** A web order of one T-shirt, returned because the customer changed their mind, restocked and refunded. */
    private String closedReturn() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId,
                returning(1, 1, "CHANGED_MIND", "UNOPENED"), item(tshirt, null, 1));
        String returnId = (String) requested.get("returnId");
        Map<String, Object> findings = inspection("A", true, true);
        findings.put("evidence", PHOTO + "\nCASE-77");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"), findings);
        driver.awaitStatus(returnId, "CLOSED");
        return (String) requested.get("rmaNumber");
    }
}
