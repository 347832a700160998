package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openreturns.process.InvalidTaskSubmissionException.FieldViolation;

class CamundaFormValidatorTest {

    private static final String FORM = """
            {"id": "inspection", "components": [
              {"type": "text", "text": "Inspect"},
              {"type": "textfield", "key": "rmaNumber", "readonly": true},
              {"type": "select", "key": "grade", "validate": {"required": true},
               "values": [{"label": "A", "value": "A"}, {"label": "B", "value": "B"}]},
              {"type": "checkbox", "key": "functional"},
              {"type": "number", "key": "weight", "validate": {"min": 0, "max": 50}},
              {"type": "group", "components": [
                {"type": "textarea", "key": "notes", "validate": {"maxLength": 5}}]}
            ]}""";

    private final JsonNode form = read(FORM);

    @Test
    void variablesThatFitTheFormPass() {
        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "A", "functional", true, "weight", 2,
                "notes", "ok"))).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThat(CamundaFormValidator.validate(form, Map.of("functional", true)))
                .containsExactly(new FieldViolation("grade", "is required"));
    }

    @Test
    void aValueOutsideTheOfferedOptionsIsNamedWithTheOptions() {
        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "F")))
                .containsExactly(new FieldViolation("grade", "must be one of [A, B]"));
    }

    @Test
    void valuesOfTheWrongTypeAreNamed() {
        Map<String, Object> variables = new HashMap<>(Map.of("grade", "A", "functional", "yes", "weight", "heavy"));
        assertThat(CamundaFormValidator.validate(form, variables)).extracting(FieldViolation::field)
                .containsExactly("functional", "weight");
    }

    @Test
    void lengthAndRangeRulesOfTheFormApply() {
        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "A", "weight", 51, "notes", "too long")))
                .extracting(FieldViolation::field).containsExactly("weight", "notes");
    }

    @Test
    void variablesThatAreNotFieldsOfTheFormAndReadOnlyFieldsAreRefused() {
        List<FieldViolation> violations = CamundaFormValidator.validate(form,
                Map.of("grade", "A", "approved", true, "rmaNumber", "RMA-1"));
        assertThat(violations).containsExactlyInAnyOrder(
                new FieldViolation("approved", "is not a field of form 'inspection'"),
                new FieldViolation("rmaNumber", "is read-only"));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
