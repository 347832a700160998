package org.openreturns.process.operaton;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads what the deployer needs from a Camunda Form file: its id, by which user tasks refer to it. */
final class FormFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFiles() {
    }

    static String formId(String fileName, byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (IOException e) {
            throw new ModelTranslationException(fileName + " is not valid JSON: " + e.getMessage());
        }
        String id = form.path("id").asText("");
        if (id.isBlank()) {
            throw new ModelTranslationException(fileName + " has no form id; Camunda Modeler sets one in the form's"
                    + " properties, and user tasks refer to the form by it");
        }
        return id;
    }
}
