package org.openreturns.process.operaton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openreturns.process.DecisionEvaluator;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Evaluates the decisions of {@code bpmn/} that the model deployer deployed to the embedded engine. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonDecisionEvaluator implements DecisionEvaluator {

    private final RepositoryService repositoryService;
    /**
     * A DMN engine of its own: the engine's decision service runs each evaluation as a command of its own and writes
     * every input and output to the decision history, which made each evaluation cost tens of milliseconds
     * (docs/benchmarks.md). The steps record each decision and its reason in the application's own tables instead.
     */
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Parsed decisions by deployed definition id: a new deployment has new ids, so a cached table is never stale. */
    private final Map<String, DmnDecision> parsedByDefinitionId = new ConcurrentHashMap<>();

    OperatonDecisionEvaluator(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionId, Map<String, Object> inputs) {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionId)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalArgumentException("No decision '" + decisionId + "' is deployed");
        }
        DmnDecision decision = parsedByDefinitionId.computeIfAbsent(latest.getId(), this::parse);
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision, inputs);
        return result.stream().map(entries -> plainValues(decisionId, entries)).toList();
    }

    /** The deployed (translated) model of the definition, as the engine's decision service would evaluate it. */
    private DmnDecision parse(String definitionId) {
        DecisionDefinition definition = repositoryService.getDecisionDefinition(definitionId);
        try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
            return dmnEngine.parseDecision(definition.getKey(), model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the deployed decision " + definitionId, e);
        }
    }

    /**
     * The outputs as the port promises them: the engine gives an Integer for typeRef "integer" (FEEL numbers without
     * a typeRef already arrive as Long or Double), and a date or a FEEL context would surprise every caller.
     */
    private static Map<String, Object> plainValues(String decisionId, DmnDecisionResultEntries entries) {
        Map<String, Object> plain = new LinkedHashMap<>();
        entries.forEach((name, value) -> plain.put(name, plainValue(decisionId, name, value)));
        return Collections.unmodifiableMap(plain);
    }

    private static Object plainValue(String decisionId, String output, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        throw new IllegalStateException("Decision '" + decisionId + "' gave the output '" + output + "' as a "
                + value.getClass().getName() + "; only strings, booleans and numbers are plain values for a step");
    }
}
