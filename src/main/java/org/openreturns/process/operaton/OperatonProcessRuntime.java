package org.openreturns.process.operaton;

import java.util.Map;

import org.openreturns.process.ProcessRuntime;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Starts processes and correlates messages on the embedded Operaton engine, inside the caller's transaction. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonProcessRuntime implements ProcessRuntime {

    private final RuntimeService runtimeService;
    private final MessageCorrelationKeys correlationKeys;

    OperatonProcessRuntime(RuntimeService runtimeService, MessageCorrelationKeys correlationKeys) {
        this.runtimeService = runtimeService;
        this.correlationKeys = correlationKeys;
    }

    @Override
    public void startProcess(String processId, String businessKey, Map<String, Object> variables) {
        runtimeService.startProcessInstanceByKey(processId, businessKey, variables);
    }

    @Override
    public boolean correlateMessage(String messageName, String correlationKey, Map<String, Object> variables) {
        String keyVariable = correlationKeys.variableFor(messageName).orElseThrow(() -> new IllegalArgumentException(
                "No model declares a correlation key for message '" + messageName + "'"));
        // Like Zeebe, a message goes to the one instance waiting for it under this key; none waiting is an answer.
        long waiting = runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(messageName)
                .processVariableValueEquals(keyVariable, correlationKey)
                .count();
        if (waiting == 0) {
            return false;
        }
        runtimeService.createMessageCorrelation(messageName)
                .processInstanceVariableEquals(keyVariable, correlationKey)
                .setVariables(variables)
                .correlate();
        return true;
    }
}
