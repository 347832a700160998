package org.openreturns.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.openreturns.process.InvalidTaskSubmissionException.FieldViolation;

/**
 * Checks variables submitted through the HTTP API against the Camunda Form of the task, so that the API accepts
 * exactly what Tasklist would: only the form's fields, required ones present, values of the field's type,
 * select and radio values among the offered options, and the form's length, range and pattern rules.
 */
public final class CamundaFormValidator {

    private static final Set<String> TEXT_FIELDS = Set.of("textfield", "textarea", "datetime", "expression");
    private static final Set<String> OPTION_FIELDS = Set.of("select", "radio");
    private static final Set<String> LIST_FIELDS = Set.of("checklist", "taglist");

    private CamundaFormValidator() {
    }

    public static List<FieldViolation> validate(JsonNode form, Map<String, Object> variables) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        collectFields(form.path("components"), fields);

        List<FieldViolation> violations = new ArrayList<>();
        for (String name : variables.keySet()) {
            if (!fields.containsKey(name)) {
                violations.add(new FieldViolation(name, "is not a field of form '" + form.path("id").asText() + "'"));
            }
        }
        fields.forEach((key, field) -> {
            Object value = variables.get(key);
            if (field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)) {
                if (variables.containsKey(key)) {
                    violations.add(new FieldViolation(key, "is read-only"));
                }
                return;
            }
            if (isBlank(value)) {
                if (field.path("validate").path("required").asBoolean(false)) {
                    violations.add(new FieldViolation(key, "is required"));
                }
                return;
            }
            checkValue(key, field, value, violations);
        });
        return violations;
    }

    private static void collectFields(JsonNode components, Map<String, JsonNode> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.put(component.get("key").asText(), component);
            }
            // Groups nest their fields; their keys stay flat unless the group has a path, which we do not use.
            collectFields(component.path("components"), fields);
        }
    }

    private static void checkValue(String key, JsonNode field, Object value, List<FieldViolation> violations) {
        String type = field.path("type").asText();
        JsonNode rules = field.path("validate");
        if (type.equals("checkbox")) {
            if (!(value instanceof Boolean)) {
                violations.add(new FieldViolation(key, "must be true or false"));
            }
        } else if (type.equals("number")) {
            if (!(value instanceof Number number)) {
                violations.add(new FieldViolation(key, "must be a number"));
            } else {
                checkRange(key, rules, number.doubleValue(), violations);
            }
        } else if (OPTION_FIELDS.contains(type)) {
            // An option's value may be text or a yes/no answer (true, false); it must match in type too. Options
            // computed from process data (valuesKey, valuesExpression) are checked by the step that uses them.
            List<Object> options = new ArrayList<>();
            field.path("values").forEach(option -> options.add(option.path("value").isBoolean()
                    ? option.path("value").booleanValue() : option.path("value").asText()));
            boolean offered = options.isEmpty() ? value instanceof String : options.contains(value);
            if (!offered) {
                violations.add(new FieldViolation(key, "must be one of " + options));
            }
        } else if (LIST_FIELDS.contains(type)) {
            if (!(value instanceof List<?>)) {
                violations.add(new FieldViolation(key, "must be a list"));
            }
        } else if (TEXT_FIELDS.contains(type)) {
            if (!(value instanceof String text)) {
                violations.add(new FieldViolation(key, "must be text"));
            } else {
                checkText(key, rules, text, violations);
            }
        }
    }

    private static void checkText(String key, JsonNode rules, String text, List<FieldViolation> violations) {
        if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
            violations.add(new FieldViolation(key, "must have at least " + rules.get("minLength").asInt() + " characters"));
        }
        if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
            violations.add(new FieldViolation(key, "must have at most " + rules.get("maxLength").asInt() + " characters"));
        }
        if (rules.hasNonNull("pattern") && !Pattern.compile(rules.get("pattern").asText()).matcher(text).matches()) {
            violations.add(new FieldViolation(key, "must match " + rules.get("pattern").asText()));
        }
    }

    private static void checkRange(String key, JsonNode rules, double number, List<FieldViolation> violations) {
        if (rules.has("min") && number < rules.get("min").asDouble()) {
            violations.add(new FieldViolation(key, "must be at least " + rules.get("min").asText()));
        }
        if (rules.has("max") && number > rules.get("max").asDouble()) {
            violations.add(new FieldViolation(key, "must be at most " + rules.get("max").asText()));
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
