package org.openreturns.process.operaton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Which process variable each message is correlated on, as the models declare it with {@code zeebe:subscription
 * correlationKey="=rmaNumber"}. Filled by the {@link ModelDeployer}, read when a message arrives.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class MessageCorrelationKeys {

    private final Map<String, String> variableByMessageName = new ConcurrentHashMap<>();

    void register(Map<String, String> correlationVariableByMessageName) {
        variableByMessageName.putAll(correlationVariableByMessageName);
    }

    Optional<String> variableFor(String messageName) {
        return Optional.ofNullable(variableByMessageName.get(messageName));
    }
}
