package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.INTEGER;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;
import static org.openreturns.returns.LifecycleDriver.timelineTypes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricDecisionInstance;
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

        HistoricProcessInstance instance = processInstanceOf(returnId);
        List<String> steps = processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityType("serviceTask").finished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
        assertThat(decisionsOf(instance.getId())).as("the disposition table decided the line in DecideResolution")
                .anySatisfy(decision -> {
                    assertThat(decision.getDecisionDefinitionKey()).isEqualTo("disposition");
                    assertThat(decision.getActivityId()).isEqualTo("DecideResolution");
                    assertThat(decision.getInputs()).anySatisfy(input -> {
                        assertThat(input.getClauseName()).isEqualTo("Grade");
                        assertThat(input.getValue()).isEqualTo("A");
                    });
                    assertThat(decision.getOutputs()).anySatisfy(output -> {
                        assertThat(output.getVariableName()).isEqualTo("disposition");
                        assertThat(output.getValue()).isEqualTo("RESTOCK");
                    });
                });
        assertThat(steps).as("Cockpit shows each part of the resolution as a step of its own")
                .containsSubsequence("ApplyDisposition", "MoveReturnedStock", "ReleaseRefunds",
                        "CreateReplacementOrders", "OpenSupplierClaims", "QueueRefurbishment", "CloseReturn");
    }

    @Test
    void eachLineIsDecidedByTheEligibilityTableInABusinessRuleTaskThatCockpitShowsWithItsInputsAndOutputs() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String swimwear = driver.product("SWIM", "swimwear", "8.00", "29.90", false, true);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"), sold(2, swimwear, 1, "29.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"),
                returning(2, 1, "SIZE_TOO_SMALL", "UNOPENED")).get("returnId");
        driver.awaitStatus(returnId, "REJECTED");

        HistoricProcessInstance instance = processInstanceOf(returnId);
        List<HistoricDecisionInstance> decisions = decisionsOf(instance.getId());
        assertThat(decisions).as("one evaluation of the eligibility table per line, in CheckEligibility")
                .extracting(HistoricDecisionInstance::getDecisionDefinitionKey, HistoricDecisionInstance::getActivityId)
                .containsExactly(tuple("eligibility", "CheckEligibility"), tuple("eligibility", "CheckEligibility"));
        assertThat(decisions).extracting(decision -> inputValue(decision, "Final sale"),
                        decision -> outputValue(decision, "eligibility"), decision -> outputValue(decision, "reason"))
                .containsExactlyInAnyOrder(tuple(false, "AUTO_APPROVE", "Within the return policy"),
                        tuple(true, "REJECT", "Final-sale items cannot be returned"));
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list())
                .as("the inputs and results per line are JSON text, nothing is stored Java-serialized")
                .allSatisfy(variable -> assertThat(variable.getTypeName())
                        .isIn("string", "boolean", "integer", "long", "double", "null"))
                .filteredOn(variable -> variable.getName().equals(ReturnProcess.ELIGIBILITY_RESULTS))
                .singleElement().satisfies(variable -> assertThat((String) variable.getValue())
                        .contains("\"eligibility\":\"AUTO_APPROVE\"", "\"eligibility\":\"REJECT\""));
        assertThat(driver.details(returnId).toString()).contains("Final-sale items cannot be returned");
    }

    private HistoricProcessInstance processInstanceOf(String returnId) {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .variableValueEquals(ReturnProcess.RETURN_ID, returnId).singleResult();
    }

    private List<HistoricDecisionInstance> decisionsOf(String processInstanceId) {
        return processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).includeInputs().includeOutputs()
                .orderByEvaluationTime().asc().list();
    }

    private static Object inputValue(HistoricDecisionInstance decision, String clauseName) {
        return decision.getInputs().stream().filter(input -> clauseName.equals(input.getClauseName()))
                .findFirst().orElseThrow().getValue();
    }

    private static Object outputValue(HistoricDecisionInstance decision, String variableName) {
        return decision.getOutputs().stream().filter(output -> variableName.equals(output.getVariableName()))
                .findFirst().orElseThrow().getValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomerWhoReturnsWornClothesInEmptyParcelsHasTheNextReturnReviewedWithTheRiskSignals() {
        String jeans = driver.product("JEANS", "jeans", "28.50", "79.00", false, false, 700);
        String customer = "C-RISK-" + UUID.randomUUID();
        String email = customer.toLowerCase() + "@example.com";
        String first = driver.orderFor(customer, email, sold(1, jeans, 2, "79.00"));
        String second = driver.orderFor(customer, email, sold(1, jeans, 2, "79.00"));
        String third = driver.orderFor(customer, email, sold(1, jeans, 2, "79.00"));

        Map<String, Object> firstReturn = driver.requestReturn(first, returning(1, 2, "CHANGED_MIND", "USED"));
        String firstId = (String) firstReturn.get("returnId");
        assertThat(driver.awaitStatus(firstId, "AUTHORIZED").get("risk")).asInstanceOf(MAP)
                .extracting("score").asInstanceOf(INTEGER).isLessThan(80);
        driver.scanWeighing((String) firstReturn.get("rmaNumber"), 40, item(jeans, null, 2));
        driver.awaitStatus(firstId, "RECEIVED");
        driver.requestReturn(second, returning(1, 2, "CHANGED_MIND", "USED"));

        String riskyId = (String) driver.requestReturn(third, returning(1, 2, "CHANGED_MIND", "USED"))
                .get("returnId");
        Map<String, Object> reviewed = driver.awaitStatus(riskyId, "PENDING_REVIEW");
        Map<String, Object> risk = (Map<String, Object>) reviewed.get("risk");
        assertThat((Integer) risk.get("score")).isGreaterThanOrEqualTo(80);
        assertThat(risk.get("signals").toString()).contains("wardrobing", "empty or under half their expected weight",
                "returned 100% of the 6 units delivered in 90 days");
        assertThat(timelineTypes(reviewed)).containsExactly("REQUESTED", "RISK_SCORED", "ELIGIBILITY_CHECKED");
        assertThat(reviewed.get("timeline").toString()).contains("Return risk " + risk.get("score") + "/100",
                "Manual review needed: return risk");

        Map<String, Object> review = driver.awaitTask("support", riskyId, "ReviewReturn");
        Map<String, Object> shown = processEngine.getTaskService().getVariables((String) review.get("id"),
                List.of("returnRiskScore", "returnRiskSignals", "eligibilityReason"));
        assertThat(shown).containsEntry("returnRiskScore", risk.get("score"))
                .containsEntry("eligibilityReason", "return risk");
        assertThat((String) shown.get("returnRiskSignals")).contains("wardrobing", "empty or under half");
    }
}
