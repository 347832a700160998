package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.db.Tables.REASON_LABEL;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.lines;
import static org.openreturns.returns.LifecycleDriver.sold;
import static org.openreturns.returns.LifecycleDriver.timelineTypes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
import org.jooq.DSLContext;
import org.jooq.Record3;
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
 * The reason classification step on the real engine: a clear message gives a line without a code its reason, an
 * unclear one goes to support, a customer's code is never overwritten, and people's codes become labelled examples.
 */
@ReturnsIntegrationTest
class ReasonClassificationLifecycleTest {

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
    DSLContext db;

    LifecycleDriver driver;
    String tshirt;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
        tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
    }

    @Test
    void aClearMessageGivesALineWithoutCodeItsReasonAndTheInspectorsConfirmationIsKept() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = request(orderId, null,
                "The shirt is much too small, it pinches under the arms. I need a bigger size.");
        String returnId = (String) requested.get("returnId");

        Map<String, Object> details = driver.awaitStatus(returnId, "AUTHORIZED");
        assertThat(lines(details).get(0)).containsEntry("reasonCode", "SIZE_TOO_SMALL");
        Map<String, Object> suggestion = lineReason(details);
        assertThat(suggestion).containsEntry("suggestedCode", "SIZE_TOO_SMALL").containsEntry("outcome", "APPLIED")
                .containsEntry("language", "en").doesNotContainKey("customerCode");
        assertThat((String) suggestion.get("modelVersion")).startsWith("reason-");
        assertThat((List<?>) suggestion.get("alternatives")).hasSize(3);
        assertThat(timelineTypes(details)).contains(LineReasons.EVENT_APPLIED);

        driver.scan((String) requested.get("rmaNumber"), item(tshirt, null, 1));
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));
        details = driver.awaitStatus(returnId, "CLOSED");

        assertThat(lineReason(details)).containsEntry("inspectionConfirmsSuggestion", true)
                .doesNotContainKey("inspectionConfirmsCustomerCode");
        assertThat(timelineTypes(details)).contains(LineReasons.EVENT_INSPECTED);
        assertThat(labels(returnId)).containsExactly(List.of("INSPECTION", "SIZE_TOO_SMALL", "quality1"));
    }

    @Test
    void anUnclearMessageGoesToSupportWhoseChoiceBecomesTheLinesCode() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) request(orderId, null, "Hello, see my earlier email.").get("returnId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lineReason(driver.details(returnId)))
                .containsEntry("outcome", "REVIEW_NEEDED"));
        Map<String, Object> review;
        try {
            review = driver.awaitTask("support", returnId, "ReviewReturn");
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No review: " + driver.details(returnId) + "; " + driver.probe.describe(returnId), e);
        }
        assertThat(lines(driver.details(returnId)).get(0)).doesNotContainKey("reasonCode");
        assertThat(timelineTypes(driver.details(returnId))).contains(LineReasons.EVENT_REVIEW_NEEDED);

        ResponseEntity<Map<String, Object>> withoutReason = driver.complete("support1", review,
                Map.of("approved", true, "decisionReason", "Fine"));
        assertThat(withoutReason.getStatusCode()).as("the review must choose a reason")
                .isNotEqualTo(HttpStatus.NO_CONTENT);
        assertThat(String.valueOf(withoutReason.getBody())).contains("reviewedReasonCode");

        driver.completed("support1", review, Map.of("approved", true, "decisionReason", "Fine",
                "reviewedReasonCode", "DEFECTIVE"));
        Map<String, Object> details = driver.awaitStatus(returnId, "AUTHORIZED");

        assertThat(lines(details).get(0)).containsEntry("reasonCode", "DEFECTIVE");
        assertThat(lineReason(details)).containsEntry("outcome", "REVIEWED").containsEntry("reviewedCode", "DEFECTIVE")
                .containsEntry("reviewedBy", "support1");
        assertThat(timelineTypes(details)).contains(LineReasons.EVENT_REVIEWED);
        assertThat(labels(returnId)).containsExactly(List.of("REVIEW", "DEFECTIVE", "support1"));
    }

    @Test
    void aCustomersCodeThatDisagreesWithAConfidentSuggestionStaysAndTheDisagreementIsShown() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) request(orderId, "CHANGED_MIND",
                "The parcel was crushed and the box torn open when the courier brought it, the shirt inside is ripped.")
                .get("returnId");

        Map<String, Object> details = driver.awaitStatus(returnId, "AUTHORIZED");

        assertThat(lines(details).get(0)).containsEntry("reasonCode", "CHANGED_MIND");
        assertThat(lineReason(details)).containsEntry("customerCode", "CHANGED_MIND")
                .containsEntry("suggestedCode", "DAMAGED_IN_TRANSIT").containsEntry("outcome", "DISAGREES");
        assertThat(timelineTypes(details)).contains(LineReasons.EVENT_DISAGREES);
    }

    @Test
    void aReturnWithoutMessageSkipsTheClassification() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        ResponseEntity<Map<String, Object>> response = driver.api.post("support1", "/api/returns", Map.of(
                "orderId", orderId, "lines", List.of(Map.of("lineNo", 1, "quantity", 1,
                        "reasonCode", "SIZE_TOO_LARGE", "declaredCondition", "UNOPENED"))));
        String returnId = (String) response.getBody().get("returnId");

        Map<String, Object> details = driver.awaitStatus(returnId, "AUTHORIZED");

        assertThat((List<?>) details.get("lineReasons")).isEmpty();
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("ClassifyReturnReason").list().stream()
                .filter(activity -> processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(activity.getProcessInstanceId()).variableName(ReturnProcess.RETURN_ID)
                        .singleResult().getValue().equals(returnId)).toList()).isEmpty();
    }

    private Map<String, Object> request(String orderId, String reasonCode, String message) {
        Map<String, Object> line = new HashMap<>(Map.of("lineNo", 1, "quantity", 1, "declaredCondition", "UNOPENED"));
        if (reasonCode != null) {
            line.put("reasonCode", reasonCode);
        }
        ResponseEntity<Map<String, Object>> response = driver.api.post("support1", "/api/returns", Map.of(
                "orderId", orderId, "lines", List.of(line), "customerMessage", message));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lineReason(Map<String, Object> details) {
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) details.get("lineReasons");
        assertThat(reasons).hasSize(1);
        return reasons.get(0);
    }

    /** The labelled examples the return left: source, code, who. */
    private List<List<String>> labels(String returnId) {
        return db.select(REASON_LABEL.SOURCE, REASON_LABEL.REASON_CODE, REASON_LABEL.LABELLED_BY).from(REASON_LABEL)
                .where(REASON_LABEL.RETURN_ID.eq(UUID.fromString(returnId))).orderBy(REASON_LABEL.ID)
                .fetch(Record3::intoList).stream().map(row -> row.stream().map(String::valueOf).toList()).toList();
    }
}
