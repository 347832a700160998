package org.openreturns.process.camunda8;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts processes and publishes messages on the Camunda 8 cluster once the caller's database transaction has
 * committed (docs/adr/0011-camunda-8-runtime.md):
 * <ul>
 *   <li>A job worker may take the first job of a new instance at once; sent before the commit, its step could miss
 *       the rows it is about to read and burn a retry with its backoff. Nothing is sent for a transaction that rolls
 *       back.</li>
 *   <li>Messages are published, not correlated: Zeebe answers a correlation with 404 when no instance waits at that
 *       moment, and an instance reaches its wait a moment after the application's data says so (after the job that
 *       leads there completes, and again after every carrier event). A published message is buffered for its time to
 *       live ({@code camunda.client.message-time-to-live}) until the instance gets there, and its message id makes a
 *       second publication of the same message (a retried request) a no-op: Zeebe rejects it with 409.</li>
 *   <li>A call that fails after the commit throws from the commit: the request fails and says what was recorded and
 *       not sent; a retried scan or carrier event sends its message again under the same id.</li>
 * </ul>
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8ProcessRuntime implements ProcessRuntime {

    private static final int ALREADY_PUBLISHED = 409;

    private final CamundaClient client;
    private final VariablesJson json;

    Camunda8ProcessRuntime(CamundaClient client, VariablesJson json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public void startProcess(String processId, String businessKey, Map<String, Object> variables) {
        Map<String, Object> withBusinessKey = new LinkedHashMap<>(variables);
        withBusinessKey.put(StepJobHandler.BUSINESS_KEY_VARIABLE, businessKey);
        String variablesJson = json.write(withBusinessKey);
        afterCommit("starting process " + processId + " for " + businessKey, () -> client.newCreateInstanceCommand()
                .bpmnProcessId(processId).latestVersion().variables(variablesJson).send().join());
    }

    @Override
    public void sendMessage(String messageName, String correlationKey, String messageId,
                            Map<String, Object> variables) {
        String variablesJson = json.write(variables);
        afterCommit("publishing message " + messageName + " (" + messageId + ") for " + correlationKey, () -> {
            try {
                client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
                        .messageId(messageId).timeToLive(client.getConfiguration().getDefaultMessageTimeToLive())
                        .variables(variablesJson)
                        .send().join();
            } catch (ProblemException e) {
                if (e.code() != ALREADY_PUBLISHED) {
                    throw e;
                }
            }
        });
    }

    /** Runs the call when the current transaction has committed, or at once outside a transaction. */
    private static void afterCommit(String what, Runnable call) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            call.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    throw new ClusterNotToldException("The request's records were saved, but " + what
                            + " on Camunda 8 failed: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Data committed, Camunda 8 not told: the request fails with this, naming what was not sent. */
    static final class ClusterNotToldException extends RuntimeException {
        ClusterNotToldException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
