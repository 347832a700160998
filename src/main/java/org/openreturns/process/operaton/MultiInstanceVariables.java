package org.openreturns.process.operaton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The lists of a translated multi-instance activity (docs/adr/0013-decision-steps-and-lists-as-json-text.md). Without
 * Spin's JSON format the embedded engine could store a list only Java-serialized, which its defaults forbid and
 * Cockpit cannot show; the lists a step hands to the model, and the results a multi-instance activity collects, are
 * therefore JSON text. An element that is a record becomes a transient variable of its instance: its fields are
 * read by the instance's input mappings in the same transaction, and it is never stored.
 *
 * <p>Public, with public methods, because the engine's expression language calls it by reflection.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component("multiInstanceVariables")
public class MultiInstanceVariables {

    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    MultiInstanceVariables(ObjectMapper json) {
        this.json = json;
    }

    /** The input collection: the JSON text list in {@code variable}, one entry per instance. */
    public List<Object> elements(DelegateExecution execution, String variable) {
        Object text = execution.getVariable(variable);
        if (!(text instanceof String list)) {
            throw new IllegalStateException("The input collection '" + variable + "' of activity '"
                    + execution.getCurrentActivityId() + "' should be a list as JSON text but is " + text);
        }
        List<Object> elements = new ArrayList<>();
        for (Object element : read(variable, list)) {
            elements.add(element instanceof Map<?, ?> || element instanceof List<?>
                    ? Variables.untypedValue(element, true) : element);
        }
        return elements;
    }

    /**
     * Puts this instance's decision result, in the shape Camunda 8 gives a result variable, at the instance's
     * position of the output collection, which holds one entry per instance as on Camunda 8.
     */
    public void collectDecisionResult(DelegateExecution execution, String outputCollection, String mapDecisionResult) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal("decisionResult");
        int instances = ((Number) execution.getVariable("nrOfInstances")).intValue();
        int index = ((Number) execution.getVariable("loopCounter")).intValue();
        Object stored = execution.getVariable(outputCollection);
        List<Object> collected = stored instanceof String text ? read(outputCollection, text) : List.of();
        if (collected.size() != instances) {
            collected = new ArrayList<>(Collections.nCopies(instances, null));
        }
        collected.set(index, shaped(result, mapDecisionResult));
        execution.setVariable(outputCollection, write(collected));
    }

    private static Object shaped(DmnDecisionResult result, String mapDecisionResult) {
        return switch (mapDecisionResult) {
            case "singleEntry" -> result.getSingleEntry();
            case "singleResult" -> result.getSingleResult() == null ? null : result.getSingleResult().getEntryMap();
            case "collectEntries" -> result.getResultList().stream()
                    .map(entries -> entries.values().iterator().next()).toList();
            default -> result.getResultList();
        };
    }

    private List<Object> read(String variable, String text) {
        try {
            return new ArrayList<>(json.readValue(text, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variable '" + variable + "' is not a list as JSON text: " + text, e);
        }
    }

    private String write(List<Object> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + list + " as JSON", e);
        }
    }
}
