package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreturns.process.camunda8.FakeOrchestrationCluster.Answer;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting and messaging on Camunda 8 around the caller's transaction, against a fake of the cluster's endpoints that
 * applies Zeebe's documented message rules: a published message goes to an instance waiting for it under its
 * correlation key, else it is buffered for its time to live (none when zero) and taken by the first instance that
 * opens such a wait; a message id still buffered is rejected when published again (409, ALREADY_EXISTS).
 */
class Camunda8ProcessRuntimeTest {

    private final FakeOrchestrationCluster cluster = new FakeOrchestrationCluster();
    private final CamundaClient client = cluster.client();
    private final Camunda8ProcessRuntime runtime = new Camunda8ProcessRuntime(client,
            new VariablesJson(new ObjectMapper()));
    private final TransactionTemplate transaction = new TransactionTemplate(new NoResourceTransactions());

    /** Messages buffered by the fake: name/correlation key/message id. */
    private final Set<String> buffered = ConcurrentHashMap.newKeySet();
    /** Instances' waits (name/correlation key) and what each received. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final List<String> correlated = new ArrayList<>();

    Camunda8ProcessRuntimeTest() {
        cluster.route("POST", "/v2/process-instances", request -> Answer.json(200, Map.of(
                "processDefinitionKey", "1", "processDefinitionId", request.body().get("processDefinitionId").asText(),
                "processDefinitionVersion", 1, "processInstanceKey", "2", "tenantId", "<default>")));
        cluster.route("POST", "/v2/messages/publication", request -> {
            String subscription = request.body().get("name").asText() + "/"
                    + request.body().get("correlationKey").asText();
            String message = subscription + "/" + request.body().path("messageId").asText();
            if (buffered.contains(message)) {
                return Answer.problem(409, "ALREADY_EXISTS", "Expected to publish a new message with id '"
                        + request.body().path("messageId").asText() + "', but a message with that id was already"
                        + " published");
            }
            if (waiting.remove(subscription)) {
                correlated.add(message);
            }
            if (request.body().path("timeToLive").asLong() > 0) {
                buffered.add(message);
            }
            return Answer.json(200, Map.of("messageKey", "3", "tenantId", "<default>"));
        });
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void aProcessStartsWhenTheTransactionHasCommittedAndNotWhenItRollsBack() {
        transaction.executeWithoutResult(status -> {
            runtime.startProcess("return-process", "r-1", Map.of("rmaNumber", "RMA-1"));
            assertThat(cluster.requests("POST", "/v2/process-instances")).as("not before the commit").isEmpty();
        });
        transaction.executeWithoutResult(status -> {
            runtime.startProcess("return-process", "r-2", Map.of("rmaNumber", "RMA-2"));
            status.setRollbackOnly();
        });

        assertThat(cluster.requests("POST", "/v2/process-instances")).singleElement().satisfies(request -> {
            assertThat(request.body().get("processDefinitionId").asText()).isEqualTo("return-process");
            assertThat(request.body().get("variables").get("businessKey").asText()).isEqualTo("r-1");
            assertThat(request.body().get("variables").get("rmaNumber").asText()).isEqualTo("RMA-1");
        });
    }

    @Test
    void aParcelScannedBeforeTheInstanceWaitsIsTakenWhenItGetsThereAndOnlyOnce() {
        transaction.executeWithoutResult(status ->
                runtime.sendMessage("ParcelReceived", "RMA-1", "parcel-receipt-7", Map.of("receiptId", 7)));
        assertThat(correlated).as("nobody waits yet").isEmpty();

        openWait("ParcelReceived/RMA-1");
        // The scan sent again, e.g. a retried request: the same message id.
        transaction.executeWithoutResult(status ->
                runtime.sendMessage("ParcelReceived", "RMA-1", "parcel-receipt-7", Map.of("receiptId", 7)));

        assertThat(correlated).containsExactly("ParcelReceived/RMA-1/parcel-receipt-7");
        assertThat(cluster.requests("POST", "/v2/messages/publication")).allSatisfy(request ->
                assertThat(request.body().get("timeToLive").asLong()).as("buffered for an hour")
                        .isEqualTo(3_600_000L));
    }

    @Test
    void aCallThatFailsAfterTheCommitFailsTheRequestSayingWhatWasNotSent() {
        cluster.route("POST", "/v2/messages/publication",
                request -> Answer.problem(503, "RESOURCE_EXHAUSTED", "The broker is busy"));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                runtime.sendMessage("ParcelReceived", "RMA-1", "parcel-receipt-7", Map.of("receiptId", 7))))
                .isInstanceOf(Camunda8ProcessRuntime.ClusterNotToldException.class)
                .hasMessageContaining("records were saved")
                .hasMessageContaining("publishing message ParcelReceived (parcel-receipt-7) for RMA-1");
    }

    /** An instance reaches its wait: it takes a buffered message of that name and key, as Zeebe does. */
    private void openWait(String subscription) {
        buffered.stream().filter(message -> message.startsWith(subscription + "/")).findFirst()
                .ifPresentOrElse(correlated::add, () -> waiting.add(subscription));
    }

    /** Transactions without a resource: what matters here is Spring's commit and rollback callbacks. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
