package org.openreturns.process.operaton;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openreturns.process.DecisionEvaluator;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.exception.NotFoundException;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Evaluates the decisions of {@code bpmn/} that the model deployer deployed to the embedded engine. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonDecisionEvaluator implements DecisionEvaluator {

    private final DecisionService decisionService;

    OperatonDecisionEvaluator(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionId, Map<String, Object> inputs) {
        DmnDecisionResult result;
        try {
            result = decisionService.evaluateDecisionByKey(decisionId).variables(inputs).evaluate();
        } catch (NotFoundException e) {
            throw new IllegalArgumentException("No decision '" + decisionId + "' is deployed", e);
        }
        return result.stream().map(entries -> plainValues(decisionId, entries)).toList();
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
