package org.openreturns.process.operaton;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.exception.NotFoundException;
import org.openreturns.process.DecisionEvaluator;
import org.springframework.stereotype.Component;

/** Evaluates the decisions of {@code bpmn/} that the model deployer deployed to the embedded engine. */
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
        return result.getResultList().stream()
                .map(entries -> Collections.unmodifiableMap(new LinkedHashMap<>(entries))).toList();
    }
}
