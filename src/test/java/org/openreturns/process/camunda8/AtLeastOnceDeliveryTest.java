package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.db.Tables.JOURNAL_ENTRY;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.STOCK_MOVE;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.operaton.bpm.engine.DecisionService;
import org.junit.jupiter.api.AfterAll;
import io.camunda.client.api.worker.JobClient;
import org.junit.jupiter.api.Test;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.process.StepHandlers;
import org.openreturns.receiving.ParcelScan;
import org.openreturns.receiving.ReceiptService;
import org.openreturns.returns.DeclaredCondition;
import org.openreturns.returns.ReasonCode;
import org.openreturns.returns.ReturnRequest;
import org.openreturns.returns.ReturnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda 8 delivers a job at least once: after a lost completion, a timed-out worker or a restart, the same job
 * arrives again, possibly while the first delivery still runs. Here every job of a return's lifecycle is delivered
 * twice at the same moment through the Camunda 8 worker adapter, on real PostgreSQL, and the return must end as if
 * each had run once: one stock move per movement, one journal entry per event, one refund.
 *
 * <p>No engine runs the model here: the test plays Zeebe's part, passing each step the variables the earlier steps
 * and the inspector's form produced, in the order of {@code bpmn/return-process.bpmn}'s happy path.
 */
@SpringBootTest
@ActiveProfiles("test")
class AtLeastOnceDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService DELIVERIES = Executors.newFixedThreadPool(2);

    /** Process starts and message correlations as the test's Zeebe sees them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordedRuntime {
        static final List<Map<String, Object>> CORRELATED = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        ProcessRuntime recordingRuntime() {
            return new ProcessRuntime() {
                @Override
                public void startProcess(String processId, String businessKey, Map<String, Object> variables) {
                }

                @Override
                public void sendMessage(String messageName, String correlationKey, String messageId,
                                        Map<String, Object> variables) {
                    CORRELATED.add(variables);
                }
            };
        }
    }

    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    ReturnService returns;
    @Autowired
    ReceiptService receipts;
    @Autowired
    StepHandlers stepHandlers;
    /** Zeebe's DMN engine in this test: the embedded engine evaluates the same decision files. */
    @Autowired
    DecisionService decisions;
    @Autowired
    ObjectMapper applicationJson;

    private final Map<String, Object> variables = new LinkedHashMap<>();

    @AfterAll
    static void stopDeliveries() {
        DELIVERIES.shutdownNow();
    }

    @Test
    void everyJobDeliveredTwiceAtOnceChangesStockMoneyAndRefundsOnce() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(db);
        Map<LocationType, Long> locations = fixtures.warehouse();
        String warehouse = db.select(LOCATION.WAREHOUSE_CODE)
                .from(LOCATION)
                .where(LOCATION.ID.eq(locations.get(LocationType.SELLABLE)))
                .fetchSingle(LOCATION.WAREHOUSE_CODE);
        String sku = fixtures.product(false);
        String orderId = "ALO-" + System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        orders.ingest(new OrderIngestion(orderId, "WEB",
                new OrderIngestion.Customer("C-" + orderId, orderId.toLowerCase() + "@example.com",
                        CustomerTier.STANDARD, null), now.minusDays(8), now.minusDays(5), "EUR", warehouse,
                List.of(new OrderIngestion.Line(1, sku, 1, new BigDecimal("25.00"), List.of())), null, null), "test");
        ReturnService.RequestedReturn requested = returns.request(new ReturnRequest(orderId, "WEB",
                List.of(new ReturnRequest.Line(1, 1, ReasonCode.SIZE_TOO_SMALL, DeclaredCondition.UNOPENED)),
                null, null, null), "support1");
        variables.put("returnId", requested.returnId().toString());
        variables.put("rmaNumber", requested.rmaNumber());
        variables.put(StepJobHandler.BUSINESS_KEY_VARIABLE, requested.returnId().toString());

        deliverTwice("prepare-eligibility");
        decideEachLine("eligibility", "eligibilityInputs", "eligibilityResults");
        deliverTwice("apply-eligibility");
        assertThat(variables).containsEntry("eligibility", "AUTO_APPROVE");
        deliverTwice("authorize-return");

        receipts.receive(new ParcelScan("SCAN-" + orderId, warehouse, requested.rmaNumber(), null,
                List.of(new ParcelScan.Item(sku, null, 1, null))), "warehouse1");
        variables.putAll(RecordedRuntime.CORRELATED.get(RecordedRuntime.CORRELATED.size() - 1));
        deliverTwice("receive-parcel");

        // The inspector's form, as Tasklist or the task API submits it.
        variables.putAll(Map.of("grade", "A", "skuMatches", true, "packagingOk", true, "functional", true,
                "reasonConfirmed", true, "inspectedBy", "quality1"));
        deliverTwice("record-inspection");
        assertThat(variables).containsEntry("allLinesInspected", true);
        deliverTwice("prepare-disposition");
        decideEachLine("disposition", "dispositionInputs", "dispositionResults");
        deliverTwice("apply-disposition");
        deliverTwice("move-returned-stock");
        deliverTwice("release-refunds");
        deliverTwice("create-replacement-orders");
        deliverTwice("open-supplier-claims");
        deliverTwice("queue-refurbishment");
        deliverTwice("close-return");

        String returnId = requested.returnId().toString();
        assertThat(db.select(RETURN_REQUEST.STATUS).from(RETURN_REQUEST)
                .where(RETURN_REQUEST.ID.eq(requested.returnId())).fetchSingle(RETURN_REQUEST.STATUS))
                .isEqualTo("CLOSED");
        assertThat(db.select(STOCK_MOVE.REASON).from(STOCK_MOVE).where(STOCK_MOVE.SKU.eq(sku))
                .orderBy(STOCK_MOVE.ID).fetch(STOCK_MOVE.REASON))
                .as("one receipt, one move to quarantine, one restock")
                .containsExactly("RETURN_RECEIPT", "QUARANTINE", "RESTOCK");
        assertThat(db.select(JOURNAL_ENTRY.REASON).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.RETURN_ID.eq(requested.returnId())).orderBy(JOURNAL_ENTRY.ID)
                .fetch(JOURNAL_ENTRY.REASON))
                .as("one entry per event of return %s", returnId)
                .doesNotHaveDuplicates()
                .isNotEmpty();
        assertThat(db.select(REFUND.STATUS).from(REFUND).where(REFUND.RETURN_ID.eq(requested.returnId()))
                .fetch(REFUND.STATUS))
                .containsExactly("RELEASED");
    }

    /**
     * What Zeebe's multi-instance business rule task does between the prepare and apply steps: the decision per
     * entry of the prepared inputs, its results collected in the same order. The JSON round trip gives the values
     * the types a job worker reads.
     */
    @SuppressWarnings("unchecked")
    private void decideEachLine(String decisionId, String inputsVariable, String resultsVariable) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) variables.get(inputsVariable)) {
            results.add(decisions.evaluateDecisionByKey(decisionId).variables(line).evaluate().getSingleResult()
                    .getEntryMap());
        }
        variables.put(resultsVariable, JSON.readValue(JSON.writeValueAsString(results), List.class));
    }

    /**
     * Delivers the job of this task type twice at once, as Zeebe would after a lost completion, and takes the
     * variables of a completed delivery into the instance; both deliveries that completed must agree.
     */
    private void deliverTwice(String taskType) throws Exception {
        // The inspector's name comes with the form here, as when the task is completed through the task API.
        StepJobHandler handler = new StepJobHandler(stepHandlers.forTaskType(taskType).orElseThrow(),
                Duration.ofSeconds(1), anyJob -> Map.of(), new VariablesJson(applicationJson));
        TestJob job = TestJob.step(taskType, 1, variables);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<RecordingProxy<JobClient>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            deliveries.add(DELIVERIES.submit(() -> {
                RecordingProxy<JobClient> client = RecordingProxy.jobClient();
                together.await();
                handler.handle(client.proxy(), job);
                return client;
            }));
        }
        List<Map<String, Object>> completedWith = new ArrayList<>();
        for (Future<RecordingProxy<JobClient>> delivery : deliveries) {
            RecordingProxy<JobClient> client = delivery.get();
            if (client.command().equals("newCompleteCommand")) {
                completedWith.add(JSON.readValue((String) client.call("variables").orElseThrow().argument(),
                        LinkedHashMap.class));
            } else {
                // A delivery that lost the race may fail; Zeebe then retries it, which the next check covers.
                assertThat(client.command()).as(taskType).isEqualTo("newFailCommand");
            }
        }
        if (completedWith.size() < 2) {
            // The retry of the failed delivery, after the first one committed, must complete with the same answer.
            RecordingProxy<JobClient> retry = RecordingProxy.jobClient();
            handler.handle(retry.proxy(), job);
            assertThat(retry.command()).as("retry of %s", taskType).isEqualTo("newCompleteCommand");
            completedWith.add(JSON.readValue((String) retry.call("variables").orElseThrow().argument(),
                    LinkedHashMap.class));
        }
        assertThat(completedWith.get(1)).as("both deliveries of %s answer the same", taskType)
                .isEqualTo(completedWith.get(0));
        variables.putAll(completedWith.get(0));
    }
}
