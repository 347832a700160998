package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StepContextTest {

    @Test
    void aVariableSetToNullReachesTheStepAsAnOpenAnswer() {
        // Operaton's Tasklist submits a radio group left unanswered as a null variable.
        Map<String, Object> variables = new HashMap<>();
        variables.put("serialMatches", null);
        variables.put("skuMatches", true);

        StepContext context = new StepContext("record-inspection", "instance-1", "return-1", variables);

        assertThat(context.optionalBoolean("serialMatches")).isEmpty();
        assertThat(context.optionalBoolean("skuMatches")).contains(true);
        assertThat(context.variables()).doesNotContainKey("serialMatches");
    }

    @Test
    void aRequiredVariableSetToNullIsNamedAsNotSet() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("inspectedBy", null);

        StepContext context = new StepContext("record-inspection", "instance-1", "return-1", variables);

        assertThatThrownBy(() -> context.string("inspectedBy"))
                .hasMessage("Step 'record-inspection' needs process variable 'inspectedBy', which is not set on "
                        + "instance instance-1");
    }

    @Test
    void recordsReadTheSameFromACamunda8ListAndFromTheEmbeddedRuntimesJsonText() {
        List<Map<String, Object>> list = List.of(Map.of("lineNo", 1, "eligibility", "REJECT"));
        StepContext camunda8 = new StepContext("apply-eligibility", "i", "r", Map.of("eligibilityResults", list));
        StepContext embedded = new StepContext("apply-eligibility", "i", "r",
                Map.of("eligibilityResults", "[{\"lineNo\":1,\"eligibility\":\"REJECT\"}]"));

        assertThat(camunda8.records("eligibilityResults")).isEqualTo(list);
        assertThat(embedded.records("eligibilityResults")).isEqualTo(list);
    }

    @Test
    void recordsThatAreNotAListOfRecordsAreNamed() {
        StepContext context = new StepContext("apply-eligibility", "i", "r",
                Map.of("eligibilityResults", "[1, 2]", "eligibilityInputs", "not json"));

        assertThatThrownBy(() -> context.records("eligibilityResults"))
                .hasMessageContaining("'eligibilityResults'").hasMessageContaining("a list of records");
        assertThatThrownBy(() -> context.records("eligibilityInputs"))
                .hasMessageContaining("'eligibilityInputs'").hasMessageContaining("a list of records");
    }
}
