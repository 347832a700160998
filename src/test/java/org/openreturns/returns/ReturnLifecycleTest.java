package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The five reference scenarios of docs/specification/lifecycle.md ({@link ReferenceScenarios}) on the embedded runtime:
 * the HTTP API, the real BPMN and DMN on Operaton, and PostgreSQL.
 */
@ReturnsIntegrationTest
class ReturnLifecycleTest extends ReferenceScenarios {

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

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
    }

    @Test
    void theResolutionRunsAsOneVisibleStepPerCapabilityInTheModelsOrder() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.returnedAndScanned(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"),
                item(tshirt, null, 1)).get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));
        driver.awaitStatus(returnId, "CLOSED");

        HistoricProcessInstance instance = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .variableValueEquals(ReturnProcess.RETURN_ID, returnId).singleResult();
        List<String> steps = processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityType("serviceTask").finished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
        assertThat(steps).as("Cockpit shows each part of the resolution as a step of its own")
                .containsSubsequence("DecideResolution", "MoveReturnedStock", "ReleaseRefunds",
                        "CreateReplacementOrders", "OpenSupplierClaims", "QueueRefurbishment", "CloseReturn");
    }
}
