package org.openreturns.process.operaton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionTableResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.operaton.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Rule;

/**
 * A decision table of {@code bpmn/} as the embedded engine runs it: translated by the deployer's
 * {@link CamundaModelTranslator} (so {@code number} becomes {@code double}) and evaluated by Operaton's DMN engine,
 * which tells which rule matched, so that a test can name the rule it means to exercise.
 */
final class DecisionTable {

    /** What one evaluation gave: the id of the rule that matched (null when none did) and its outputs. */
    record Outcome(String ruleId, Map<String, Object> outputs) {
    }

    /** The input variables of one evaluation, built up one by one. */
    static final class Line {
        private final Map<String, Object> variables = new HashMap<>();

        Line with(String name, Object value) {
            variables.put(name, value);
            return this;
        }
    }

    private final DmnModelInstance model;
    private final DmnDecision decision;
    private final DmnEngine engine;
    private final List<String> matchedRuleIds = new ArrayList<>();

    DecisionTable(String file, String decisionId) {
        byte[] translated;
        try {
            translated = new CamundaModelTranslator("PT10S", "P180D")
                    .translateDmn(file, Files.readAllBytes(Path.of(file))).content();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(this::recordMatchedRules))
                .buildEngine();
        this.model = Dmn.readModelFromStream(new ByteArrayInputStream(translated));
        this.decision = engine.parseDecision(decisionId, model);
    }

    Outcome evaluate(Line line) {
        matchedRuleIds.clear();
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, line.variables);
        if (result.isEmpty()) {
            return new Outcome(null, Map.of());
        }
        return new Outcome(matchedRuleIds.get(0), result.getSingleResult().getEntryMap());
    }

    List<Rule> rules() {
        return List.copyOf(model.getModelElementsByType(Rule.class));
    }

    private void recordMatchedRules(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
    }
}
