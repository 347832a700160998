package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the Camunda 8 models under {@code bpmn/} and {@code forms/} the way Camunda 8 would at deploy
 * time, without a broker: Zeebe's own model parser and design-time validators, plus the references
 * between files (forms, decisions) and the diagram layout that Camunda Modeler needs.
 */
class ZeebeModelValidationTest {

  private static final Path BPMN_DIR = Path.of("bpmn");
  private static final Path FORMS_DIR = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> bpmnFiles() throws IOException {
    return filesEndingWith(BPMN_DIR, ".bpmn");
  }

  static List<Path> dmnFiles() throws IOException {
    return filesEndingWith(BPMN_DIR, ".dmn");
  }

  static List<Path> formFiles() throws IOException {
    return filesEndingWith(FORMS_DIR, ".form");
  }

  @Test
  void theProjectHasProcessModelsAndForms() throws IOException {
    assertThat(bpmnFiles()).as("BPMN files in %s", BPMN_DIR.toAbsolutePath()).isNotEmpty();
    assertThat(formFiles()).as("form files in %s", FORMS_DIR.toAbsolutePath()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyModelPassesZeebesDesignTimeValidation(Path file) throws IOException {
    BpmnModelInstance model = read(file);

    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);

    List<String> errors = new ArrayList<>();
    results
        .getResults()
        .forEach(
            (element, elementResults) -> {
              for (ValidationResult result : elementResults) {
                String line =
                    result.getType() + " at " + describe(element) + ": " + result.getMessage();
                if (result.getType() == ValidationResultType.ERROR) {
                  errors.add(line);
                } else {
                  System.out.println(file + ": " + line);
                }
              }
            });
    errors.forEach(error -> System.out.println(file + ": " + error));
    assertThat(errors).as("Zeebe design-time validation errors in %s", file).isEmpty();
  }

  /** The user task listener XML the models use for the four-eyes rule, as Camunda 8.8 accepts it. */
  @Test
  void aCamundaUserTaskWithACompletingTaskListenerPassesValidation() {
    BpmnModelInstance model = parse(userTaskWithListener("<zeebe:userTask />"));

    assertThat(errorsOf(model)).isEmpty();
    assertThat(model.getModelElementsByType(ZeebeTaskListener.class))
        .singleElement()
        .satisfies(
            listener -> {
              assertThat(listener.getEventType()).isEqualTo(ZeebeTaskListenerEventType.completing);
              assertThat(listener.getType()).isEqualTo("check-four-eyes");
              assertThat(listener.getRetries()).isEqualTo("3");
            });
  }

  /** The validators do look at listeners: Camunda 8 allows them on Camunda user tasks only. */
  @Test
  void aTaskListenerOnAJobWorkerUserTaskFailsValidation() {
    BpmnModelInstance model = parse(userTaskWithListener(""));

    assertThat(errorsOf(model))
        .singleElement()
        .asString()
        .contains("Task listeners are only allowed on Camunda user tasks");
  }

  private static String userTaskWithListener(String userTaskMarker) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="listener"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="approval" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Approve" />
            <bpmn:userTask id="Approve" name="Approve">
              <bpmn:extensionElements>
                %s
                <zeebe:assignmentDefinition candidateGroups="finance" />
                <zeebe:taskListeners>
                  <zeebe:taskListener eventType="completing" type="check-four-eyes" retries="3" />
                </zeebe:taskListeners>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="F2" sourceRef="Approve" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(userTaskMarker);
  }

  private static BpmnModelInstance parse(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> errorsOf(BpmnModelInstance model) {
    List<String> errors = new ArrayList<>();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) ->
                results.stream()
                    .filter(result -> result.getType() == ValidationResultType.ERROR)
                    .forEach(result -> errors.add(describe(element) + ": " + result.getMessage())));
    return errors;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyReferencedFormExistsInTheFormsFolder(Path file) throws IOException {
    Set<String> formIds = formIdsByFile().keySet();

    List<String> formIdsReferenced =
        read(file).getModelElementsByType(ZeebeFormDefinition.class).stream()
            .map(ZeebeFormDefinition::getFormId)
            .toList();

    assertThat(formIdsReferenced)
        .as("formId of every zeebe:formDefinition in %s (linked forms only, no embedded form keys)", file)
        .doesNotContainNull()
        .allSatisfy(
            formId ->
                assertThat(formIds)
                    .as("ids of the forms in %s", FORMS_DIR)
                    .contains(formId));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyCalledDecisionExistsInADmnFile(Path file) throws Exception {
    Set<String> decisionIds = new HashSet<>();
    for (Path dmn : dmnFiles()) {
      decisionIds.addAll(decisionIdsIn(dmn));
    }

    List<String> decisionIdsReferenced =
        read(file).getModelElementsByType(ZeebeCalledDecision.class).stream()
            .map(ZeebeCalledDecision::getDecisionId)
            .toList();

    assertThat(decisionIdsReferenced)
        .as("decisionId of every zeebe:calledDecision in %s", file)
        .doesNotContainNull()
        .allSatisfy(
            decisionId ->
                assertThat(decisionIds)
                    .as("ids of the decisions in %s/*.dmn", BPMN_DIR)
                    .contains(decisionId));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyFlowNodeAndSequenceFlowIsDrawnInTheDiagram(Path file) throws IOException {
    BpmnModelInstance model = read(file);

    Set<String> drawnShapes =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(shape -> shape.getBounds() != null)
            .filter(shape -> shape.getBounds().getWidth() > 0 && shape.getBounds().getHeight() > 0)
            .map(BpmnShape::getBpmnElement)
            .filter(element -> element != null)
            .map(BaseElement::getId)
            .collect(Collectors.toSet());
    Set<String> drawnEdges =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .filter(edge -> edge.getWaypoints().size() >= 2)
            .map(BpmnEdge::getBpmnElement)
            .filter(element -> element != null)
            .map(BaseElement::getId)
            .collect(Collectors.toSet());

    List<String> flowNodes =
        model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
    List<String> sequenceFlows =
        model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList();

    assertThat(flowNodes).as("flow nodes of %s", file).isNotEmpty();
    assertSoftly(
        softly -> {
          softly
              .assertThat(flowNodes)
              .as("flow nodes of %s without a BPMNShape that has bounds", file)
              .filteredOn(id -> !drawnShapes.contains(id))
              .isEmpty();
          softly
              .assertThat(sequenceFlows)
              .as("sequence flows of %s without a BPMNEdge that has waypoints", file)
              .filteredOn(id -> !drawnEdges.contains(id))
              .isEmpty();
        });
  }

  @Test
  void everyFormHasAUniqueId() throws IOException {
    Map<String, List<Path>> filesById = new HashMap<>();
    for (Path form : formFiles()) {
      JsonNode id = JSON.readTree(form.toFile()).get("id");
      assertThat(id).as("id of form %s", form).isNotNull();
      assertThat(id.isTextual() && !id.asText().isBlank()).as("id of form %s is a text", form).isTrue();
      filesById.computeIfAbsent(id.asText(), key -> new ArrayList<>()).add(form);
    }

    assertThat(filesById)
        .as("form ids used by more than one file")
        .allSatisfy((id, files) -> assertThat(files).as("files with form id %s", id).hasSize(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void everyFormComponentHasAUniqueId(Path file) throws IOException {
    List<String> componentIds = new ArrayList<>();
    collectComponentIds(JSON.readTree(file.toFile()).path("components"), componentIds);

    assertThat(componentIds).as("component ids of %s", file).isNotEmpty().doesNotHaveDuplicates();
  }

  private static void collectComponentIds(JsonNode components, List<String> ids) {
    for (JsonNode component : components) {
      ids.add(component.path("id").asText(null));
      collectComponentIds(component.path("components"), ids);
    }
  }

  private static Map<String, Path> formIdsByFile() throws IOException {
    Map<String, Path> byId = new HashMap<>();
    for (Path form : formFiles()) {
      JsonNode id = JSON.readTree(form.toFile()).get("id");
      if (id != null && id.isTextual()) {
        byId.put(id.asText(), form);
      }
    }
    return byId;
  }

  private static Set<String> decisionIdsIn(Path dmn) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document;
    try (InputStream in = Files.newInputStream(dmn)) {
      document = factory.newDocumentBuilder().parse(in);
    }
    Set<String> ids = new HashSet<>();
    NodeList decisions = document.getElementsByTagNameNS("*", "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      String namespace = decision.getNamespaceURI();
      if (namespace != null && namespace.contains("/spec/DMN/")) {
        ids.add(decision.getAttribute("id"));
      }
    }
    return ids;
  }

  private static BpmnModelInstance read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    }
  }

  /** Names the element and, for an extension element without an id, the nearest element with one. */
  private static String describe(ModelElementInstance element) {
    String description = element.getElementType().getTypeName();
    ModelElementInstance current = element;
    while (current != null) {
      String id = current.getAttributeValue("id");
      if (id != null) {
        String type = current.getElementType().getTypeName();
        return current == element
            ? type + " '" + id + "'"
            : description + " of " + type + " '" + id + "'";
      }
      current = current.getParentElement();
    }
    return description;
  }

  private static List<Path> filesEndingWith(Path directory, String suffix) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> path.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }
}
