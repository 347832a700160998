package org.openreturns.process.operaton;

import java.util.Map;

import org.openreturns.process.ProcessRuntime;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Starts processes and correlates messages on the embedded Operaton engine, inside the caller's transaction. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonProcessRuntime implements ProcessRuntime {

    private static final Logger log = LoggerFactory.getLogger(OperatonProcessRuntime.class);

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

    /**
     * Like Zeebe, a message goes to the one instance waiting for it under this key. The engine's progress commits
     * with the application's data, so an instance the data says is waiting is waiting; none waiting means the message
     * was delivered before (a repeated request), and the message id needs no record.
     */
    @Override
    public void sendMessage(String messageName, String correlationKey, String messageId,
                            Map<String, Object> variables) {
        String keyVariable = correlationKeys.variableFor(messageName).orElseThrow(() -> new IllegalArgumentException(
                "No model declares a correlation key for message '" + messageName + "'"));
        long waiting = runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(messageName)
                .processVariableValueEquals(keyVariable, correlationKey)
                .count();
        if (waiting == 0) {
            log.debug("No instance waits for message {} ({}) with key {}", messageName, messageId, correlationKey);
            return;
        }
        runtimeService.createMessageCorrelation(messageName)
                .processInstanceVariableEquals(keyVariable, correlationKey)
                .setVariables(variables)
                .correlate();
    }
}
