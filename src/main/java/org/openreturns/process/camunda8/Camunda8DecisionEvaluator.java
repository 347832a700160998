package org.openreturns.process.camunda8;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.EvaluatedDecisionOutput;
import io.camunda.client.api.response.MatchedDecisionRule;
import org.openreturns.process.DecisionEvaluator;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Evaluates the decisions of {@code bpmn/} on the Camunda 8 cluster with its evaluate-decision command. */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8DecisionEvaluator implements DecisionEvaluator {

    private final CamundaClient client;
    private final VariablesJson json;

    Camunda8DecisionEvaluator(CamundaClient client, VariablesJson json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionId, Map<String, Object> inputs) {
        EvaluateDecisionResponse response;
        try {
            response = client.newEvaluateDecisionCommand().decisionId(decisionId)
                    .variables(json.write(inputs)).send().join();
        } catch (ProblemException e) {
            if (e.code() == 404) {
                throw new IllegalArgumentException("No decision '" + decisionId + "' is deployed", e);
            }
            throw e;
        }
        if (response.getFailedDecisionId() != null && !response.getFailedDecisionId().isEmpty()) {
            throw new IllegalStateException("Decision '" + response.getFailedDecisionId() + "' failed: "
                    + response.getFailureMessage());
        }
        return outputsOfMatchedRules(decisionId, response);
    }

    /** The evaluated decision itself, not the decisions it requires, as on the embedded engine. */
    List<Map<String, Object>> outputsOfMatchedRules(String decisionId, EvaluateDecisionResponse response) {
        EvaluatedDecision decision = response.getEvaluatedDecisions().stream()
                .filter(evaluated -> decisionId.equals(evaluated.getDecisionId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Camunda 8 evaluated no decision '" + decisionId + "'"));
        return decision.getMatchedRules().stream()
                .map(rule -> outputs(decisionId, rule))
                .toList();
    }

    private Map<String, Object> outputs(String decisionId, MatchedDecisionRule rule) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (EvaluatedDecisionOutput output : rule.getEvaluatedOutputs()) {
            outputs.put(output.getOutputName(), plainValue(decisionId, output));
        }
        return Collections.unmodifiableMap(outputs);
    }

    /** The port's plain values: a JSON string, boolean, whole number (Long) or decimal (Double), or null. */
    private Object plainValue(String decisionId, EvaluatedDecisionOutput output) {
        JsonNode value = json.readTree("Output '" + output.getOutputName() + "' of decision '" + decisionId + "'",
                output.getOutputValue());
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        throw new IllegalStateException("Decision '" + decisionId + "' gave the output '" + output.getOutputName()
                + "' as " + value + "; only strings, booleans and numbers are plain values for a step");
    }
}
