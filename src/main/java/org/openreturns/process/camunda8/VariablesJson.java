package org.openreturns.process.camunda8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Variables as the JSON that Camunda 8 receives and stores, written and read with Spring's {@link ObjectMapper} (its
 * modules and settings, e.g. for java.time) except for one setting: null values are kept, where the application's
 * mapper leaves them out ({@code spring.jackson.default-property-inclusion: non_null}), because a variable mapped to
 * null clears it, as a step's result promises.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class VariablesJson {

    private final ObjectMapper mapper;

    VariablesJson(ObjectMapper applicationMapper) {
        this.mapper = applicationMapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /** Variables, or one value, as JSON. */
    String write(Object variables) {
        try {
            return mapper.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot be written as JSON: " + variables, e);
        }
    }

    /** A JSON value as a plain Java value (string, number, boolean, list, map or null). */
    Object read(String name, String json) {
        try {
            return mapper.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " is not JSON: " + json, e);
        }
    }

    JsonNode readTree(String name, String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " is not JSON: " + json, e);
        }
    }

    /** A value (e.g. a form schema the client has parsed already) as a JSON tree. */
    JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }
}
