package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.serializedInspection;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.time.Duration;
import java.time.Instant;
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

/**
 * Tasks people can work from: each says in the list what it is about (RMA, SKU or customer, money), when it is due
 * (its stage's SLA) and how urgent it is; its form starts with what the system already knows.
 */
@ReturnsIntegrationTest
class WorkableTasksTest {

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

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
    }

    @Test
    void theInspectionAndTheApprovalOfAWatchNameTheReturnTheItemAndTheMoneyAndAreDueWithinTheirSla() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String orderId = driver.order("STANDARD", sold(1, watch, 1, "649.00", "SN-W1"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId,
                returning(1, 1, "CHANGED_MIND", "OPENED"), item(watch, "SN-W1", 1));
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");

        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rma)
                .variableValueEquals("returnId", returnId).count())
                .as("Cockpit finds the return by its RMA number").isEqualTo(1);
        Map<String, Object> inspection = driver.awaitTask("quality", returnId, "InspectReturn");
        assertThat(inspection.get("name")).isEqualTo("Inspect " + rma + " line 1 · " + watch + " · 649.00 EUR");
        assertThat(Instant.parse((String) inspection.get("dueDate")))
                .as("the inspection SLA of 48 hours from the receipt")
                .isBetween(Instant.now().plus(Duration.ofHours(47)), Instant.now().plus(Duration.ofHours(48)));
        assertThat(inspection.get("priority")).as("a high-value item: 50 + 30").isEqualTo(80);
        assertThat(formVariables((String) inspection.get("id")))
                .containsEntry("orderNumber", orderId + " (WEB)")
                .containsEntry("customerMessage", "Please take it back")
                .as("the serial the warehouse scanned").containsEntry("receivedSerial", "SN-W1");

        Map<String, Object> findings = serializedInspection("A", "SN-W1", true);
        findings.put("evidence", "photo-w1.jpg");
        driver.completed("quality1", inspection, findings);

        Map<String, Object> approval = driver.awaitTask("finance", returnId, "ApproveReturn");
        assertThat(approval.get("name"))
                .isEqualTo("Approve " + rma + " · customer C-" + orderId + " (STANDARD) · 649.00 EUR");
        assertThat(Instant.parse((String) approval.get("dueDate")))
                .as("the refund SLA of 24 hours")
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(24)));
        Map<String, Object> form = formVariables((String) approval.get("id"));
        assertThat((String) form.get("customer")).startsWith("customer C-" + orderId + " (STANDARD), order "
                + orderId + " (WEB); says: Please take it back");
        assertThat((String) form.get("moneyAtStake")).startsWith("649.00 EUR paid for the returned units")
                .contains("Line 1: 1 x " + watch + " at 649.00 EUR, refund decided: FULL");
        assertThat((String) form.get("findings")).contains("LINE_INSPECTED by quality1: Line 1: Grade A")
                .contains("evidence photo-w1.jpg");
    }

    @Test
    void theTasksOfAGroupAreListedWithTheirDueDateAndPriority() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 2, "19.90"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId,
                returning(1, 2, "SIZE_TOO_SMALL", "UNOPENED"), item(tshirt, null, 2));

        Map<String, Object> inspection = driver.awaitTask("quality", (String) requested.get("returnId"),
                "InspectReturn");

        assertThat(inspection.get("name")).isEqualTo("Inspect " + requested.get("rmaNumber") + " line 1 · " + tshirt
                + " · 39.80 EUR");
        assertThat(inspection.get("priority")).as("nothing stands out").isEqualTo(50);
        assertThat(formVariables((String) inspection.get("id"))).doesNotContainKey("receivedSerial");
    }

    private Map<String, Object> formVariables(String taskId) {
        return processEngine.getTaskService().getVariables(taskId, List.of("orderNumber", "customerMessage",
                "receivedSerial", "customer", "moneyAtStake", "findings")).entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
