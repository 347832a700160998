package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.EvaluatedDecisionOutput;
import io.camunda.client.api.response.MatchedDecisionRule;
import org.junit.jupiter.api.Test;

/** Deciding through the Camunda 8 client, with a client that answers like the cluster. */
class Camunda8ClientCallsTest {

    private static final VariablesJson JSON = new VariablesJson(new ObjectMapper());

    private final CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);

    @Test
    void aDecisionGivesTheOutputsOfItsMatchedRulesAsPlainValues() {
        EvaluateDecisionResponse response = mock(EvaluateDecisionResponse.class);
        EvaluatedDecision required = decision("grade-check", rule(Map.of("ok", "true")));
        EvaluatedDecision disposition = decision("disposition", rule(Map.of("disposition", "\"LIQUIDATE\"",
                "deductionPercent", "20", "share", "0.3", "reason", "null", "approval", "false")));
        when(response.getEvaluatedDecisions()).thenReturn(List.of(required, disposition));

        List<Map<String, Object>> outputs = new Camunda8DecisionEvaluator(client, JSON).outputsOfMatchedRules("disposition", response);

        assertThat(outputs).singleElement().satisfies(output -> assertThat(output)
                .containsEntry("disposition", "LIQUIDATE").containsEntry("deductionPercent", 20L)
                .containsEntry("share", 0.3).containsEntry("reason", null).containsEntry("approval", false)
                .doesNotContainKey("ok"));
    }

    @Test
    void aDecisionThatIsNotDeployedIsNamed() {
        when(client.newEvaluateDecisionCommand().decisionId("nope").variables(anyString()).send().join())
                .thenThrow(new ProblemException(404, "Not Found", null));

        assertThatThrownBy(() -> new Camunda8DecisionEvaluator(client, JSON).evaluate("nope", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    }

    private static EvaluatedDecision decision(String id, MatchedDecisionRule... rules) {
        EvaluatedDecision decision = mock(EvaluatedDecision.class);
        when(decision.getDecisionId()).thenReturn(id);
        when(decision.getMatchedRules()).thenReturn(List.of(rules));
        return decision;
    }

    private static MatchedDecisionRule rule(Map<String, String> jsonOutputs) {
        MatchedDecisionRule rule = mock(MatchedDecisionRule.class);
        List<EvaluatedDecisionOutput> outputs = jsonOutputs.entrySet().stream().map(entry -> {
            EvaluatedDecisionOutput output = mock(EvaluatedDecisionOutput.class);
            when(output.getOutputName()).thenReturn(entry.getKey());
            when(output.getOutputValue()).thenReturn(entry.getValue());
            return output;
        }).toList();
        when(rule.getEvaluatedOutputs()).thenReturn(outputs);
        return rule;
    }
}
