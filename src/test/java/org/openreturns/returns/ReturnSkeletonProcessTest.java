package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.operaton.bpm.engine.TaskService;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The walking skeleton of a return, through the HTTP API, the real BPMN on the embedded engine and PostgreSQL:
 * request, authorization, parcel receipt, inspection by quality, disposition from the DMN table, closure.
 */
@ReturnsIntegrationTest
class ReturnSkeletonProcessTest {

    @Autowired
    TestRestTemplate http;

    /** Stands in for Tasklist, where an inspector claims a task before working on it. */
    @Autowired
    TaskService taskService;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    void unopenedItemGradedAIsRestockedAndTheReturnCloses() {
        String rma = authorizedReturn(line(1, "TSHIRT-BLK-M", 2, "19.90"), 1);

        receiveParcel(rma, "TSHIRT-BLK-M", null);
        Map<String, Object> task = inspectionTaskOf(rma);
        complete("quality1", task, inspection("A", true));

        Map<String, Object> closed = awaitStatus(returnIdOf(rma), "CLOSED");
        Map<String, Object> returnLine = lines(closed).get(0);
        assertThat(returnLine).containsEntry("grade", "A").containsEntry("disposition", "RESTOCK")
                .containsEntry("receivedSku", "TSHIRT-BLK-M");
        assertThat(timeline(closed)).extracting(event -> event.get("type")).containsExactly(
                "REQUESTED", "AUTHORIZED", "PARCEL_RECEIVED", "INSPECTED", "RESOLVED", "CLOSED");
        assertThat(timeline(closed)).filteredOn(event -> "INSPECTED".equals(event.get("type")))
                .extracting(event -> event.get("actor")).containsExactly("quality1");
        assertThat(timeline(closed)).filteredOn(event -> "PARCEL_RECEIVED".equals(event.get("type")))
                .extracting(event -> event.get("actor")).containsExactly("warehouse1");
        assertThat((List<?>) closed.get("openTasks")).isEmpty();
    }

    @Test
    void destroyedItemGradedEIsScrapped() {
        String rma = authorizedReturn(line(1, "JACKET-RED-L", 1, "129.00"), 1);

        receiveParcel(rma, "JACKET-RED-L", null);
        complete("quality2", inspectionTaskOf(rma), inspection("E", true));

        Map<String, Object> closed = awaitStatus(returnIdOf(rma), "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("grade", "E").containsEntry("disposition", "SCRAP");
    }

    @Test
    void wrongItemWhoseSkuDoesNotMatchIsHeld() {
        String rma = authorizedReturn(line(1, "SNEAKER-WHT-42", 1, "89.00"), 1);

        receiveParcel(rma, "SNEAKER-WHT-41", null);
        complete("quality1", inspectionTaskOf(rma), inspection("A", false));

        Map<String, Object> closed = awaitStatus(returnIdOf(rma), "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("receivedSku", "SNEAKER-WHT-41")
                .containsEntry("disposition", "HOLD");
    }

    @Test
    void inspectionOfASerializedItemWithoutASerialGoesBackToTheInspectorWithTheProblemNamed() {
        String rma = authorizedReturn(line(1, "WATCH-S2", 1, "649.00", "SN-1001"), 1);
        receiveParcel(rma, "WATCH-S2", "SN-1001");

        complete("quality1", inspectionTaskOf(rma), inspection("A", true));

        Map<String, Object> sentBack = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("support1", "/api/returns/" + returnIdOf(rma)).getBody(),
                details -> timeline(details).stream().anyMatch(e -> "INSPECTION_RETURNED".equals(e.get("type"))));
        assertThat(sentBack.get("status")).isEqualTo("RECEIVED");
        assertThat(timeline(sentBack)).filteredOn(e -> "INSPECTION_RETURNED".equals(e.get("type")))
                .extracting(e -> (String) e.get("detail")).singleElement().asString()
                .contains("receivedSerial", "serialized");
        Map<String, Object> secondTask = inspectionTaskOf(rma);

        Map<String, Object> withSerial = inspection("A", true);
        withSerial.put("receivedSerial", "SN-1001");
        withSerial.put("serialMatches", true);
        complete("quality1", secondTask, withSerial);

        Map<String, Object> closed = awaitStatus(returnIdOf(rma), "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("disposition", "RESTOCK");
    }

    @Test
    void aUserOutsideTheTasksGroupCannotCompleteIt() {
        String rma = authorizedReturn(line(1, "CAP-NAVY", 1, "15.00"), 1);
        receiveParcel(rma, "CAP-NAVY", null);
        Map<String, Object> task = inspectionTaskOf(rma);

        ResponseEntity<Map<String, Object>> refused =
                api.post("finance1", "/api/tasks/" + task.get("id") + "/complete", inspection("A", true));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(returnIdOf(rma))).isEqualTo("RECEIVED");
    }

    @Test
    void aTaskClaimedByAnotherInspectorInTasklistCannotBeCompletedByTheApi() {
        String rma = authorizedReturn(line(1, "BELT-BRN-90", 1, "35.00"), 1);
        receiveParcel(rma, "BELT-BRN-90", null);
        Map<String, Object> task = inspectionTaskOf(rma);
        taskService.claim((String) task.get("id"), "quality2");

        ResponseEntity<Map<String, Object>> refused =
                api.post("quality1", "/api/tasks/" + task.get("id") + "/complete", inspection("A", true));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail")).contains("claimed by quality2");
        complete("quality2", task, inspection("A", true));
        assertThat(timeline(awaitStatus(returnIdOf(rma), "CLOSED")))
                .filteredOn(event -> "INSPECTED".equals(event.get("type")))
                .extracting(event -> event.get("actor")).containsExactly("quality2");
    }

    @Test
    void taskVariablesThatDoNotFitTheFormAreRefusedNamingTheField() {
        String rma = authorizedReturn(line(1, "SCARF-GRY", 1, "25.00"), 1);
        receiveParcel(rma, "SCARF-GRY", null);
        Map<String, Object> task = inspectionTaskOf(rma);

        Map<String, Object> badGrade = inspection("F", true);
        badGrade.put("colour", "red");
        ResponseEntity<Map<String, Object>> refused =
                api.post("quality1", "/api/tasks/" + task.get("id") + "/complete", badGrade);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
                .extracting(error -> error.get("field")).containsExactlyInAnyOrder("grade", "colour");
        assertThat(openTaskOf(rma)).isNotNull();
    }

    // --- the steps a warehouse, a quality inspector and a channel take, through the API

    private final Map<String, String> returnIdByRma = new HashMap<>();

    private String authorizedReturn(Map<String, Object> orderLine, int quantity) {
        String orderId = newOrderId();
        assertThat(api.post("support1", "/api/orders", order(orderId, orderLine)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> created = api.post("support1", "/api/returns", Map.of(
                "orderId", orderId,
                "lines", List.of(Map.of("lineNo", 1, "quantity", quantity, "reasonCode", "CHANGED_MIND",
                        "declaredCondition", "UNOPENED")),
                "customerMessage", "Does not fit my style"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("status", "REQUESTED");
        String rma = (String) created.getBody().get("rmaNumber");
        returnIdByRma.put(rma, (String) created.getBody().get("returnId"));
        awaitStatus(returnIdOf(rma), "AUTHORIZED");
        return rma;
    }

    private void receiveParcel(String rma, String sku, String serial) {
        Map<String, Object> item = new HashMap<>(Map.of("sku", sku, "quantity", 1));
        if (serial != null) {
            item.put("serial", serial);
        }
        ResponseEntity<Map<String, Object>> receipt = api.post("warehouse1", "/api/receipts",
                Map.of("warehouse", "WH-BER", "rmaNumber", rma, "lines", List.of(item)));
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private Map<String, Object> inspectionTaskOf(String rma) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> openTaskOf(rma), task -> task != null);
    }

    private Map<String, Object> openTaskOf(String rma) {
        return api.getList("quality1", "/api/tasks?group=quality").getBody().stream()
                .filter(task -> rma.equals(((Map<?, ?>) task.get("context")).get("rmaNumber")))
                .findFirst().orElse(null);
    }

    private void complete(String user, Map<String, Object> task, Map<String, Object> variables) {
        ResponseEntity<Map<String, Object>> completed =
                api.post(user, "/api/tasks/" + task.get("id") + "/complete", variables);
        assertThat(completed.getStatusCode()).as(String.valueOf(completed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> inspection(String grade, boolean skuMatches) {
        return new HashMap<>(Map.of("grade", grade, "skuMatches", skuMatches, "serialMatches", false,
                "packagingOk", true, "functional", true, "reasonConfirmed", true, "notes", "checked"));
    }

    private String returnIdOf(String rma) {
        return returnIdByRma.get(rma);
    }

    private String status(String returnId) {
        return (String) api.get("support1", "/api/returns/" + returnId).getBody().get("status");
    }

    private Map<String, Object> awaitStatus(String returnId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("support1", "/api/returns/" + returnId).getBody(),
                details -> status.equals(details.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> details) {
        return (List<Map<String, Object>>) details.get("lines");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(Map<String, Object> details) {
        return (List<Map<String, Object>>) details.get("timeline");
    }
}
