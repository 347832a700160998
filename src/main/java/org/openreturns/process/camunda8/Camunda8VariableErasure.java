package org.openreturns.process.camunda8;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.Variable;
import org.openreturns.process.ProcessVariableErasure;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Erases process variables on a Camunda 8 cluster as far as a client can: the variables of instances that still run
 * are overwritten with {@link #ERASED} (set on the scope that holds them, the instance or one of its elements). The
 * history Operate and the secondary storage keep of them, and of instances that have ended, cannot be changed through
 * the client: it goes with the cluster's retention of that history (docs/operations.md).
 *
 * <p>The cluster is told at once, not after the caller's commit: an erasure that then rolls back has only overwritten
 * what was to be erased anyway.
 */
@Profile(Runtimes.CAMUNDA8)
@Component
class Camunda8VariableErasure implements ProcessVariableErasure {

    private static final int PAGE_SIZE = 1000;
    private static final int NOT_FOUND = 404;

    private final CamundaClient client;
    private final VariablesJson json;

    Camunda8VariableErasure(CamundaClient client, VariablesJson json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public int eraseVariables(Collection<String> businessKeys, Collection<String> variableNames) {
        if (businessKeys.isEmpty() || variableNames.isEmpty()) {
            return 0;
        }
        String erasedJson = json.write(ERASED);
        int overwritten = 0;
        for (Long instanceKey : instancesOf(businessKeys)) {
            // Per scope, the variables that still hold something: erasing again finds none.
            Map<Long, Map<String, Object>> byScope = new LinkedHashMap<>();
            client.newVariableSearchRequest()
                    .filter(filter -> filter.processInstanceKey(instanceKey)
                            .name(name -> name.in(List.copyOf(variableNames))))
                    .page(page -> page.limit(PAGE_SIZE))
                    .send().join().items().stream()
                    .filter(variable -> !erasedJson.equals(variable.getValue()))
                    .forEach(variable -> byScope.computeIfAbsent(variable.getScopeKey(), scope -> new LinkedHashMap<>())
                            .put(variable.getName(), ERASED));
            for (Map.Entry<Long, Map<String, Object>> scope : byScope.entrySet()) {
                try {
                    client.newSetVariablesCommand(scope.getKey()).variables(scope.getValue()).local(true)
                            .send().join();
                    overwritten += scope.getValue().size();
                } catch (ProblemException e) {
                    // The instance or element has ended: its variables are history, which the client cannot change.
                    if (e.code() != NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
        return overwritten;
    }

    /** The instances started for these business keys, which carry the key as a variable (see StepJobHandler). */
    private List<Long> instancesOf(Collection<String> businessKeys) {
        return businessKeys.stream().flatMap(businessKey -> client.newVariableSearchRequest()
                        // A variable filter compares the JSON value: a string is matched with its quotes.
                        .filter(filter -> filter.name(StepJobHandler.BUSINESS_KEY_VARIABLE)
                                .value(json.write(businessKey)))
                        .page(page -> page.limit(PAGE_SIZE))
                        .send().join().items().stream())
                .map(Variable::getProcessInstanceKey).distinct().toList();
    }
}
