package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboards show a seeded period's figures, and those figures are the ledgers': the money refunded is what the
 * journal paid out, the value recovered is what the stock moves put back on the books. The period covers the test's
 * orders and returns, and the warehouse is the test's own, so other tests' returns in the shared database do not count.
 */
@ReturnsIntegrationTest
class WorkspaceDashboardTest {

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
    JdbcTemplate jdbc;

    LifecycleDriver driver;
    HeadlessChromium chromium;
    Workspace workspace;

    @RegisterExtension
    final AfterTestExecutionCallback screenshot = context -> {
        if (workspace != null) {
            workspace.saveScreenshot(WorkspaceBrowserTest.SCREENSHOTS, context.getRequiredTestMethod().getName());
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
    void theDashboardShowsTheSeededPeriodsFiguresAndTheyAgreeWithStockMovesAndJournalLines() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        // Three T-shirts sold on two orders, the second in a campaign; one comes back, is restocked and refunded.
        driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String orderId = driver.orderInCampaign("BLACK-FRIDAY-2026", sold(1, tshirt, 2, "19.90"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId,
                returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"), item(tshirt, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));
        driver.awaitStatus(returnId, "CLOSED");

        long paidOut = jdbc.queryForObject("""
                select coalesce(sum(jl.credit_minor), 0) from journal_line jl
                join journal_entry je on je.id = jl.entry_id
                join return_request rr on rr.id = je.return_id join sales_order so on so.id = rr.order_id
                where so.warehouse = ? and je.reason = 'REFUND_PAID' and jl.account_code = '1000'
                """, Long.class, driver.warehouse);
        long putBack = jdbc.queryForObject("""
                select coalesce(sum(m.value_minor - m.write_down_minor), 0) from stock_move m
                join return_request rr on rr.id::text = m.reference_id join sales_order so on so.id = rr.order_id
                where so.warehouse = ? and m.reference_type = 'RETURN' and m.reason = 'RESTOCK'
                """, Long.class, driver.warehouse);
        long restockedInJournal = jdbc.queryForObject("""
                select coalesce(sum(jl.debit_minor), 0) from journal_line jl join journal_entry je on je.id = jl.entry_id
                join return_request rr on rr.id = je.return_id join sales_order so on so.id = rr.order_id
                where so.warehouse = ? and je.reason = 'RESTOCK' and jl.account_code = '1300'
                """, Long.class, driver.warehouse);
        assertThat(paidOut).isEqualTo(1990);
        assertThat(putBack).isEqualTo(640).isEqualTo(restockedInJournal);

        // The driver's orders were placed eight days ago; the period runs from before them to today.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();
        workspace.logIn("finance1");
        workspace.open("/app/dashboards?from=" + from + "&to=" + today + "&warehouse=" + driver.warehouse);

        assertThat(workspace.text(By.id("recovery"))).contains("32.2%")
                .contains("€6.40 recovered of €19.90 refunded");
        assertThat(workspace.rows("rates-sku")).containsExactly(
                tshirt + " | 3 | 1 | 33.3% | €59.70 | €19.90 | 33.3%");
        assertThat(workspace.rows("rates-reason")).containsExactly(
                "Size too small | 3 | 1 | 33.3% | €59.70 | €19.90 | 33.3%");
        assertThat(workspace.rows("rates-channel")).containsExactly("WEB | 3 | 1 | 33.3% | €59.70 | €19.90 | 33.3%");
        assertThat(workspace.rows("rates-campaign")).containsExactlyInAnyOrder(
                "BLACK-FRIDAY-2026 | 2 | 1 | 50.0% | €39.80 | €19.90 | 50.0%",
                "– | 1 | 0 | 0.0% | €19.90 | €0.00 | 0.0%");
        assertThat(workspace.text(By.id("dispositions"))).contains("Restock: 1");
        assertThat(workspace.text(By.id("quarantine"))).contains("€0.00").contains("no unit");
        assertThat(workspace.text(By.id("refund-cycle"))).contains("median");
        assertThat(workspace.rows("weekly")).singleElement().asString().endsWith("| 1 | 1 | €19.90");

        Map<String, Object> csv = workspace.download(By.id("csv-sku"));
        assertThat((String) csv.get("body")).isEqualTo("sku,sold_units,sold_value,returned_units,returned_value,"
                + "currency\r\n" + tshirt + ",3,59.70,1,19.90,EUR\r\n");

        workspace.open("/app/finance/refunds");
        assertThat(workspace.heading()).as("a finance page finance opens").isEqualTo("Refunds held or failed");
        workspace.open("/app/dashboards?from=" + from + "&to=" + today + "&warehouse=" + driver.warehouse);
    }
}
