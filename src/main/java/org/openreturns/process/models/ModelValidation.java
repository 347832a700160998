package org.openreturns.process.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.openreturns.process.StepHandlers;
import org.openreturns.process.TaskCompletionChecks;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks a set of models before either runtime deploys it, the way Camunda 8 checks them at deploy time and as far as
 * this application can run them: every BPMN file parses and passes Zeebe's design-time validation; the forms and
 * decisions it refers to are in the set; every job type has a step handler and every user task listener type a
 * completion check; DMN files are DMN with unique decision ids; forms are JSON with a unique form id and unique
 * component ids. The embedded runtime's translation and the engines check further when the set is deployed.
 */
@Component
public class ModelValidation {

    private final StepHandlers stepHandlers;
    private final TaskCompletionChecks completionChecks;
    private final ObjectMapper json;

    public ModelValidation(StepHandlers stepHandlers, TaskCompletionChecks completionChecks, ObjectMapper json) {
        this.stepHandlers = stepHandlers;
        this.completionChecks = completionChecks;
        this.json = json;
    }

    /** Every problem of the set; empty when it may be deployed. */
    public List<ModelProblem> problems(ModelSet models) {
        List<ModelProblem> problems = new ArrayList<>();
        Optional<Set<String>> decisionIds = decisionIds(models.decisions(), problems);
        Set<String> formIds = formIds(models.forms(), problems);
        if (models.processes().isEmpty()) {
            problems.add(new ModelProblem(null, "There is no BPMN file in " + models.bpmnSource()));
        }
        Map<String, String> fileByProcessId = new HashMap<>();
        for (ModelFile file : models.processes()) {
            checkProcess(file, decisionIds, formIds, fileByProcessId, problems);
        }
        return problems;
    }

    /** Throws {@link InvalidModelsException} listing every problem of the set, if it has any. */
    public void requireValid(ModelSet models) {
        List<ModelProblem> problems = problems(models);
        if (!problems.isEmpty()) {
            throw new InvalidModelsException(problems);
        }
    }

    private void checkProcess(ModelFile file, Optional<Set<String>> decisionIds, Set<String> formIds,
                              Map<String, String> fileByProcessId, List<ModelProblem> problems) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        } catch (RuntimeException e) {
            problems.add(new ModelProblem(file.path(), "is not a BPMN model that Camunda 8 can read: "
                    + messageWithCause(e)));
            return;
        }
        model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().forEach((element, results) -> {
            for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                    problems.add(new ModelProblem(file.path(), describe(element) + ": " + result.getMessage()));
                }
            }
        });
        for (Process process : model.getModelElementsByType(Process.class)) {
            String earlier = fileByProcessId.putIfAbsent(process.getId(), file.path());
            if (earlier != null) {
                problems.add(new ModelProblem(file.path(), "defines the process '" + process.getId()
                        + "', which " + earlier + " defines too"));
            }
        }
        for (ZeebeFormDefinition form : model.getModelElementsByType(ZeebeFormDefinition.class)) {
            if (form.getFormId() != null && !formIds.contains(form.getFormId())) {
                problems.add(new ModelProblem(file.path(), describe(form) + " refers to the form '"
                        + form.getFormId() + "', which no file in the forms folder defines"));
            }
        }
        for (ZeebeCalledDecision decision : model.getModelElementsByType(ZeebeCalledDecision.class)) {
            String decisionId = decision.getDecisionId();
            if (decisionId != null && !decisionId.startsWith("=") && decisionIds.isPresent()
                    && !decisionIds.get().contains(decisionId)) {
                problems.add(new ModelProblem(file.path(), describe(decision) + " calls the decision '" + decisionId
                        + "', which no DMN file defines"));
            }
        }
        for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = task.getType();
            if (type != null && stepHandlers.forTaskType(type).isEmpty()) {
                problems.add(new ModelProblem(file.path(), describe(task) + " has the job type '" + type
                        + "', which no step handler of the application executes"));
            }
        }
        for (ZeebeTaskListener listener : model.getModelElementsByType(ZeebeTaskListener.class)) {
            String type = listener.getType();
            if (type != null && completionChecks.forType(type).isEmpty()) {
                problems.add(new ModelProblem(file.path(), describe(listener) + " has the listener type '" + type
                        + "', which no task completion check of the application implements"));
            }
        }
    }

    /**
     * The ids of the decisions the DMN files define; empty when a file could not be read, because whether a business
     * rule task calls a decision that exists cannot be told then (the unreadable file is the problem to name).
     */
    private static Optional<Set<String>> decisionIds(List<ModelFile> files, List<ModelProblem> problems) {
        Map<String, String> fileByDecisionId = new HashMap<>();
        boolean everyFileRead = true;
        for (ModelFile file : files) {
            Document document;
            try {
                document = SafeXml.parse(file.content());
            } catch (SAXException | IOException e) {
                problems.add(new ModelProblem(file.path(), "cannot be read as XML: " + e.getMessage()));
                everyFileRead = false;
                continue;
            }
            Element definitions = document.getDocumentElement();
            String namespace = definitions.getNamespaceURI();
            if (namespace == null || !namespace.contains("/spec/DMN/")
                    || !"definitions".equals(definitions.getLocalName())) {
                problems.add(new ModelProblem(file.path(), "is not a DMN model (no dmn:definitions root)"));
                everyFileRead = false;
                continue;
            }
            for (Node child = definitions.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element decision && namespace.equals(decision.getNamespaceURI())
                        && "decision".equals(decision.getLocalName())) {
                    String earlier = fileByDecisionId.putIfAbsent(decision.getAttribute("id"), file.path());
                    if (earlier != null) {
                        problems.add(new ModelProblem(file.path(), "defines the decision '"
                                + decision.getAttribute("id") + "', which " + earlier + " defines too"));
                    }
                }
            }
        }
        return everyFileRead ? Optional.of(fileByDecisionId.keySet()) : Optional.empty();
    }

    private Set<String> formIds(List<ModelFile> files, List<ModelProblem> problems) {
        Map<String, String> fileByFormId = new HashMap<>();
        for (ModelFile file : files) {
            JsonNode form;
            try {
                form = json.readTree(file.content());
            } catch (JsonProcessingException e) {
                problems.add(new ModelProblem(file.path(), "is not valid JSON: " + e.getOriginalMessage() + " (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
                continue;
            } catch (IOException e) {
                problems.add(new ModelProblem(file.path(), "cannot be read: " + e.getMessage()));
                continue;
            }
            String id = form.path("id").asText("");
            if (id.isBlank()) {
                problems.add(new ModelProblem(file.path(), "has no form id; Camunda Modeler sets one in the form's"
                        + " properties, and user tasks refer to the form by it"));
                continue;
            }
            String earlier = fileByFormId.putIfAbsent(id, file.path());
            if (earlier != null) {
                problems.add(new ModelProblem(file.path(), "has the form id '" + id + "', which " + earlier
                        + " has too"));
            }
            Set<String> componentIds = new HashSet<>();
            checkComponentIds(form.path("components"), componentIds, file, problems);
        }
        return fileByFormId.keySet();
    }

    private static void checkComponentIds(JsonNode components, Set<String> seen, ModelFile file,
                                          List<ModelProblem> problems) {
        for (JsonNode component : components) {
            String id = component.path("id").asText("");
            if (id.isBlank()) {
                problems.add(new ModelProblem(file.path(), "has a " + component.path("type").asText("component")
                        + " without an id"));
            } else if (!seen.add(id)) {
                problems.add(new ModelProblem(file.path(), "has two components with the id '" + id + "'"));
            }
            checkComponentIds(component.path("components"), seen, file, problems);
        }
    }

    /** The model API wraps the parser's message, which says what is wrong and where, in one of its own. */
    private static String messageWithCause(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
                message = message == null ? cause.getMessage() : message + ": " + cause.getMessage();
            }
        }
        return message;
    }

    /** Names the element and, for an extension element without an id, the nearest element with one. */
    private static String describe(ModelElementInstance element) {
        String type = element.getElementType().getTypeName();
        for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
            String id = current.getAttributeValue("id");
            if (id != null) {
                String owner = current.getElementType().getTypeName() + " '" + id + "'";
                return current == element ? owner : type + " of " + owner;
            }
        }
        return type;
    }
}
