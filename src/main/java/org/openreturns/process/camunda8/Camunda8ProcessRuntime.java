package org.openreturns.process.camunda8;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Starts processes and correlates messages on the Camunda 8 cluster. Both are remote calls made inside the caller's
 * database transaction: when the call fails, the request fails and its writes roll back; when the call succeeded and
 * the commit then fails, the process's first step does not find its data and retries until an incident shows it
 * (docs/adr/0011-camunda-8-runtime.md).
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8ProcessRuntime implements ProcessRuntime {

    private final CamundaClient client;

    Camunda8ProcessRuntime(CamundaClient client) {
        this.client = client;
    }

    @Override
    public void startProcess(String processId, String businessKey, Map<String, Object> variables) {
        Map<String, Object> withBusinessKey = new LinkedHashMap<>(variables);
        withBusinessKey.put(StepJobHandler.BUSINESS_KEY_VARIABLE, businessKey);
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
                .variables(StepJobHandler.json(withBusinessKey))
                .send().join();
    }

    /**
     * Correlates with the correlate-message command, which, unlike publishing, answers whether an instance waited:
     * the callers need to know (a parcel nobody waits for is an exception for the warehouse).
     */
    @Override
    public boolean correlateMessage(String messageName, String correlationKey, Map<String, Object> variables) {
        try {
            client.newCorrelateMessageCommand().messageName(messageName).correlationKey(correlationKey)
                    .variables(StepJobHandler.json(variables))
                    .send().join();
            return true;
        } catch (ProblemException e) {
            if (e.code() == 404) {
                return false;
            }
            throw e;
        }
    }
}
