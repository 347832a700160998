package org.openreturns.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a step handler receives: the task type, the ids of the running instance and its variables as plain values
 * (strings, numbers, booleans). Accessors fail with a message naming the variable when it is missing or of the
 * wrong type, so a modelling mistake surfaces as a clear incident rather than a NullPointerException.
 *
 * <p>A variable whose value is null counts as not set: engines store nulls, e.g. Operaton's Tasklist submits a
 * radio group left unanswered as a null variable, and a step clears a form's answers by setting them to null.
 * Such a variable must reach the handler as an open answer (a business question), not break the step.
 */
public record StepContext(String taskType, String processInstanceId, String businessKey,
                          Map<String, Object> variables) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StepContext {
        Map<String, Object> setVariables = new LinkedHashMap<>(variables);
        setVariables.values().removeIf(Objects::isNull);
        variables = Map.copyOf(setVariables);
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        Object value = variables.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw wrongType(name, "a string", value);
    }

    public UUID uuid(String name) {
        String text = string(name);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Process variable '" + name + "' of step '" + taskType
                    + "' is not a UUID: " + text, e);
        }
    }

    /** A whole number, whichever integer type the engine stored it as. */
    public long longValue(String name) {
        Object value = variables.get(name);
        if (value == null) {
            throw missing(name);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw wrongType(name, "a whole number", value);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        Object value = variables.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        throw wrongType(name, "a boolean", value);
    }

    /**
     * A list of records that a step or a multi-instance activity handed on, such as a decision's results per line.
     * Camunda 8 keeps it as a JSON list; the embedded runtime, which has no JSON variables, keeps the same list as
     * JSON text (docs/adr/0013-decision-steps-and-lists-as-json-text.md). An entry may be null (an instance that gave
     * no result).
     */
    public List<Map<String, Object>> records(String name) {
        Object value = variables.get(name);
        if (value == null) {
            throw missing(name);
        }
        Object list = value;
        if (value instanceof String text) {
            try {
                list = JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw wrongType(name, "a list of records", value);
            }
        }
        if (!(list instanceof List<?> entries)
                || !entries.stream().allMatch(entry -> entry == null || entry instanceof Map<?, ?>)) {
            throw wrongType(name, "a list of records", value);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) list;
        return records;
    }

    private IllegalStateException missing(String name) {
        return new IllegalStateException("Step '" + taskType + "' needs process variable '" + name
                + "', which is not set on instance " + processInstanceId);
    }

    private IllegalStateException wrongType(String name, String expected, Object value) {
        return new IllegalStateException("Process variable '" + name + "' of step '" + taskType + "' should be "
                + expected + " but is " + value.getClass().getSimpleName() + ": " + value);
    }
}
