package org.openreturns.process.operaton;

import static org.openreturns.process.operaton.XmlDocuments.childElements;
import static org.openreturns.process.operaton.XmlDocuments.elements;
import static org.openreturns.process.operaton.XmlDocuments.hasChildElements;
import static org.openreturns.process.operaton.XmlDocuments.remove;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Translates one Camunda 8 BPMN file for {@link CamundaModelTranslator}.
 *
 * <p>Each step turns the zeebe extensions it understands into their Operaton equivalents and removes them. Whatever
 * zeebe construct is still in the document afterwards has no translation, and the file is rejected for it: a model
 * that silently lost an input mapping or a task listener would deploy, but behave unlike it does on Camunda 8.
 */
final class BpmnTranslation {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    private static final String OPERATON_NS = "http://operaton.org/schema/1.0/bpmn";

    /** Zeebe's number of attempts when a task definition gives none. */
    private static final String DEFAULT_RETRIES = "3";
    private static final Pattern RETRIES = Pattern.compile("[1-9][0-9]*");
    /** The task type is written into a JUEL string literal, so nothing that could end the literal may pass. */
    private static final Pattern TASK_TYPE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** "=name": the one kind of FEEL expression that means the same as the JUEL expression ${name}. */
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("=\\s*(" + VARIABLE_NAME.pattern() + ")\\s*");
    /** "=name.field": a path into a context, which means the same in FEEL and in JUEL (a map's entry). */
    private static final Pattern VARIABLE_PATH = Pattern.compile("=\\s*(" + VARIABLE_NAME.pattern() + "(\\."
            + VARIABLE_NAME.pattern() + ")*)\\s*");
    private static final Set<String> BINDING_TYPES = Set.of("latest", "deployment");

    private final String fileName;
    private final Document document;
    private final String retryBackoff;
    private final String historyTimeToLive;
    private final Map<String, DecisionShape> decisions;

    private final Set<String> processIds = new TreeSet<>();
    private final Set<String> taskTypes = new TreeSet<>();
    private final Set<String> listenerTypes = new TreeSet<>();
    private final Set<String> formIds = new TreeSet<>();
    private final Set<String> decisionIds = new TreeSet<>();
    private final Map<String, String> correlationVariableByMessageName = new TreeMap<>();

    BpmnTranslation(String fileName, Document document, String retryBackoff, String historyTimeToLive,
                    Map<String, DecisionShape> decisions) {
        this.fileName = fileName;
        this.document = document;
        this.retryBackoff = retryBackoff;
        this.historyTimeToLive = historyTimeToLive;
        this.decisions = decisions;
    }

    TranslatedProcess translate() {
        Element definitions = document.getDocumentElement();
        if (!BPMN_NS.equals(definitions.getNamespaceURI()) || !"definitions".equals(definitions.getLocalName())) {
            throw new ModelTranslationException(fileName + ": is not a BPMN 2.0 model (no bpmn:definitions root)");
        }
        XmlDocuments.declareNamespace(definitions, "operaton", OPERATON_NS);

        elements(document, BPMN_NS, "process").forEach(this::translateProcess);
        elements(document, BPMN_NS, "serviceTask").forEach(this::translateJobWorkerTask);
        elements(document, BPMN_NS, "sendTask").forEach(this::translateJobWorkerTask);
        elements(document, BPMN_NS, "scriptTask").forEach(this::translateScriptTask);
        elements(document, BPMN_NS, "businessRuleTask").forEach(this::translateBusinessRuleTask);
        // Before the properties: a user task's completedByVariable is read from its zeebe:properties.
        elements(document, BPMN_NS, "userTask").forEach(this::translateUserTask);
        elements(document, ZEEBE_NS, "properties").forEach(this::translateProperties);
        elements(document, BPMN_NS, "conditionExpression").forEach(this::translateCondition);
        for (String timerField : List.of("timeDuration", "timeDate", "timeCycle")) {
            elements(document, BPMN_NS, timerField).forEach(this::translateTimer);
        }
        elements(document, BPMN_NS, "message").forEach(this::translateMessage);
        // After the business rule tasks: a decision result collected per instance replaces the result variable.
        elements(document, BPMN_NS, "multiInstanceLoopCharacteristics").forEach(this::translateMultiInstance);
        elements(document, ZEEBE_NS, "ioMapping").forEach(this::translateIoMapping);

        rejectWhatIsLeftUntranslated();
        elements(document, BPMN_NS, "extensionElements").stream()
                .filter(extensions -> !hasChildElements(extensions))
                .forEach(XmlDocuments::remove);
        return new TranslatedProcess(XmlDocuments.serialize(document), processIds, taskTypes, listenerTypes, formIds,
                decisionIds, correlationVariableByMessageName);
    }

    private void translateProcess(Element process) {
        // Operaton refuses to deploy a process without a history time-to-live (ENGINE-12018).
        if (!process.hasAttributeNS(OPERATON_NS, "historyTimeToLive")) {
            process.setAttributeNS(OPERATON_NS, "operaton:historyTimeToLive", historyTimeToLive);
        }
        zeebeExtension(process, "versionTag").ifPresent(versionTag -> {
            process.setAttributeNS(OPERATON_NS, "operaton:versionTag", versionTag.getAttribute("value"));
            remove(versionTag);
        });
        // A non-executable process (a pool drawn for documentation) is not deployed by either engine.
        if (Boolean.parseBoolean(process.getAttribute("isExecutable"))) {
            processIds.add(process.getAttribute("id"));
        }
    }

    /**
     * A job on Camunda 8 becomes a call of the step handler dispatcher. asyncBefore gives the task its own job, so a
     * failure rolls back to just before the task and is retried as often as the model says, as a Zeebe job is.
     */
    private void translateJobWorkerTask(Element task) {
        Element taskDefinition = zeebeExtension(task, "taskDefinition").orElseThrow(() -> problem(task,
                "is a bpmn:" + task.getLocalName() + " without zeebe:taskDefinition, so nothing would execute it"));
        String type = taskDefinition.getAttribute("type");
        if (!TASK_TYPE.matcher(type).matches()) {
            throw problem(task, "has the task type '" + type + "'; only a literal type of letters, digits, '.', '_'"
                    + " and '-' is translated");
        }
        String retries = taskDefinition.hasAttribute("retries") ? taskDefinition.getAttribute("retries")
                : DEFAULT_RETRIES;
        if (!RETRIES.matcher(retries).matches()) {
            throw problem(task, "has the retries '" + retries + "'; only a positive whole number is translated");
        }
        task.setAttributeNS(OPERATON_NS, "operaton:delegateExpression",
                "${stepHandlerDelegate.forTaskType('" + type + "')}");
        task.setAttributeNS(OPERATON_NS, "operaton:asyncBefore", "true");
        Element retryCycle = operatonElement("failedJobRetryTimeCycle");
        retryCycle.setTextContent("R" + retries + "/" + retryBackoff);
        taskDefinition.getParentNode().replaceChild(retryCycle, taskDefinition);
        taskTypes.add(type);
    }

    /**
     * Zeebe runs a script task that has a task definition as a job, exactly like a service task; Operaton's script
     * task cannot call a delegate, so it becomes a service task. A zeebe:script task is left to the final check.
     */
    private void translateScriptTask(Element task) {
        if (zeebeExtension(task, "taskDefinition").isPresent()) {
            String serviceTask = task.getPrefix() == null ? "serviceTask" : task.getPrefix() + ":serviceTask";
            translateJobWorkerTask((Element) document.renameNode(task, BPMN_NS, serviceTask));
        }
    }

    private void translateBusinessRuleTask(Element task) {
        Optional<Element> calledDecision = zeebeExtension(task, "calledDecision");
        if (calledDecision.isEmpty()) {
            translateJobWorkerTask(task);
            return;
        }
        String decisionId = calledDecision.get().getAttribute("decisionId");
        if (decisionId.startsWith("=")) {
            throw problem(task, "calls the decision given by the FEEL expression '" + decisionId
                    + "'; only a literal decision id is translated");
        }
        DecisionShape decision = decisions.get(decisionId);
        if (decision == null) {
            throw problem(task, "calls the decision '" + decisionId + "', which no DMN file of the deployment defines");
        }
        task.setAttributeNS(OPERATON_NS, "operaton:decisionRef", decisionId);
        task.setAttributeNS(OPERATON_NS, "operaton:decisionRefBinding",
                bindingType(task, "zeebe:calledDecision", calledDecision.get()));
        if (calledDecision.get().hasAttribute("resultVariable")) {
            task.setAttributeNS(OPERATON_NS, "operaton:resultVariable",
                    calledDecision.get().getAttribute("resultVariable"));
        }
        task.setAttributeNS(OPERATON_NS, "operaton:mapDecisionResult", decision.mapDecisionResult());
        remove(calledDecision.get());
        decisionIds.add(decisionId);
    }

    private void translateUserTask(Element task) {
        Element marker = zeebeExtension(task, "userTask").orElseThrow(() -> problem(task,
                "is a job-worker user task (no zeebe:userTask); only Camunda user tasks are translated"));
        Element extensions = (Element) marker.getParentNode();
        remove(marker);
        zeebeExtension(task, "formDefinition").ifPresent(form -> translateForm(task, form));
        zeebeExtension(task, "assignmentDefinition").ifPresent(assignment -> translateAssignment(task, assignment));
        zeebeExtension(task, "taskSchedule").ifPresent(schedule -> translateSchedule(task, schedule));
        zeebeExtension(task, "priorityDefinition").ifPresent(priority -> {
            task.setAttributeNS(OPERATON_NS, "operaton:priority", literalOrVariable(task,
                    "zeebe:priorityDefinition priority", priority.getAttribute("priority")));
            remove(priority);
        });
        zeebeExtension(task, "executionListeners").ifPresent(listeners ->
                translateExecutionListeners(task, extensions, listeners));
        zeebeProperty(task, "titleVariable").ifPresent(variable -> translateTitle(task, extensions, variable));
        // The checks come first whatever the order in the file: they decide whether the completion happens at all,
        // so they see the variables before and as submitted, not the completing user already recorded.
        zeebeExtension(task, "taskListeners").ifPresent(listeners -> translateTaskListeners(task, extensions, listeners));
        zeebeProperty(task, "completedByVariable").ifPresent(variable -> {
            if (!VARIABLE_NAME.matcher(variable).matches()) {
                throw problem(task, "has the completedByVariable '" + variable + "', which is not a variable name");
            }
            Element listener = operatonElement("taskListener");
            listener.setAttribute("event", "complete");
            listener.setAttribute("delegateExpression", "${humanTaskCompletion.recordUserIn('" + variable + "')}");
            extensions.appendChild(listener);
        });
    }

    private void translateSchedule(Element task, Element schedule) {
        for (String attribute : List.of("dueDate", "followUpDate")) {
            if (schedule.hasAttribute(attribute)) {
                task.setAttributeNS(OPERATON_NS, "operaton:" + attribute, literalOrVariable(task,
                        "zeebe:taskSchedule " + attribute, schedule.getAttribute(attribute)));
            }
        }
        remove(schedule);
    }

    /**
     * A job the flow runs as it enters or leaves the user task, e.g. a step that prepares what the task shows. It
     * becomes an execution listener calling the step handler of its type, in the transaction that reaches the task:
     * the variables it sets are there when the task's name, due date and priority are evaluated, as on Camunda 8.
     */
    private void translateExecutionListeners(Element task, Element extensions, Element listeners) {
        for (Element zeebeListener : childElements(listeners, ZEEBE_NS, "executionListener")) {
            String eventType = zeebeListener.getAttribute("eventType");
            String type = zeebeListener.getAttribute("type");
            if (!"start".equals(eventType) && !"end".equals(eventType)) {
                throw problem(task, "has a zeebe:executionListener on the event '" + eventType + "'; only 'start'"
                        + " and 'end' are translated");
            }
            if (!TASK_TYPE.matcher(type).matches()) {
                throw problem(task, "has the execution listener type '" + type + "'; only a literal type of letters,"
                        + " digits, '.', '_' and '-' is translated");
            }
            Element listener = operatonElement("executionListener");
            listener.setAttribute("event", eventType);
            listener.setAttribute("delegateExpression", "${stepHandlerDelegate.forTaskType('" + type + "')}");
            extensions.appendChild(listener);
            taskTypes.add(type);
        }
        remove(listeners);
    }

    /**
     * Camunda 8 shows a user task under its element name, which cannot be an expression. The embedded runtime can
     * do better: when the task is created, it takes the text in the variable the model names as its name, and keeps
     * the element name while the variable is not set. The diagram in Modeler and Cockpit keeps the element name.
     */
    private void translateTitle(Element task, Element extensions, String variable) {
        if (!VARIABLE_NAME.matcher(variable).matches()) {
            throw problem(task, "has the titleVariable '" + variable + "', which is not a variable name");
        }
        Element listener = operatonElement("taskListener");
        listener.setAttribute("event", "create");
        listener.setAttribute("expression", "${execution.hasVariable('" + variable + "') ? task.setName(execution"
                + ".getVariable('" + variable + "')) : null}");
        extensions.appendChild(listener);
    }

    /**
     * A Camunda 8.8 user task listener on {@code completing} becomes a complete listener that runs the task
     * completion check of the same type; a denial throws and the completion is rolled back, as Zeebe rolls back a
     * denied completion. Other events are not translated.
     */
    private void translateTaskListeners(Element task, Element extensions, Element listeners) {
        for (Element zeebeListener : childElements(listeners, ZEEBE_NS, "taskListener")) {
            String eventType = zeebeListener.getAttribute("eventType");
            String type = zeebeListener.getAttribute("type");
            if (!"completing".equals(eventType)) {
                throw problem(task, "has a zeebe:taskListener on the event '" + eventType + "'; only 'completing'"
                        + " is translated");
            }
            if (!TASK_TYPE.matcher(type).matches()) {
                throw problem(task, "has the task listener type '" + type + "'; only a literal type of letters,"
                        + " digits, '.', '_' and '-' is translated");
            }
            Element listener = operatonElement("taskListener");
            listener.setAttribute("event", "complete");
            listener.setAttribute("delegateExpression", "${userTaskListeners.forType('" + type + "')}");
            extensions.appendChild(listener);
            listenerTypes.add(type);
        }
        remove(listeners);
    }

    private void translateForm(Element task, Element form) {
        if (!form.hasAttribute("formId") || form.hasAttribute("formKey") || form.hasAttribute("externalReference")) {
            throw problem(task, "uses zeebe:formDefinition without a formId; embedded (formKey) and external"
                    + " (externalReference) forms are not translated, only linked Camunda Forms");
        }
        String formId = form.getAttribute("formId");
        task.setAttributeNS(OPERATON_NS, "operaton:formRef", formId);
        task.setAttributeNS(OPERATON_NS, "operaton:formRefBinding", bindingType(task, "zeebe:formDefinition", form));
        remove(form);
        formIds.add(formId);
    }

    private void translateAssignment(Element task, Element assignment) {
        for (String attribute : List.of("assignee", "candidateGroups", "candidateUsers")) {
            if (assignment.hasAttribute(attribute)) {
                task.setAttributeNS(OPERATON_NS, "operaton:" + attribute, literalOrVariable(task,
                        "zeebe:assignmentDefinition " + attribute, assignment.getAttribute(attribute)));
            }
        }
        remove(assignment);
    }

    private void translateProperties(Element zeebeProperties) {
        Element properties = operatonElement("properties");
        for (Element zeebeProperty : childElements(zeebeProperties, ZEEBE_NS, "property")) {
            Element property = operatonElement("property");
            property.setAttribute("name", zeebeProperty.getAttribute("name"));
            property.setAttribute("value", zeebeProperty.getAttribute("value"));
            properties.appendChild(property);
        }
        zeebeProperties.getParentNode().replaceChild(properties, zeebeProperties);
    }

    /** The feel script engine evaluates the condition; Zeebe marks FEEL with a leading '=' instead. */
    private void translateCondition(Element condition) {
        String expression = condition.getTextContent().trim();
        if (!expression.startsWith("=")) {
            throw problem(condition, "has the condition '" + expression + "', which is not a FEEL expression"
                    + " starting with '=' as Camunda 8 requires");
        }
        condition.setAttribute("language", "feel");
        condition.setTextContent(expression.substring(1).trim());
    }

    private void translateTimer(Element timer) {
        String value = timer.getTextContent().trim();
        if (value.startsWith("=")) {
            // Named after the event: Camunda Modeler does not show the id of the timer definition in between.
            Element event = (Element) timer.getParentNode().getParentNode();
            timer.setTextContent(literalOrVariable(event, "bpmn:" + timer.getLocalName(), value));
        }
    }

    /**
     * Operaton correlates on the message name alone; the caller matches the correlation key against the variable
     * named here, so the subscription itself is dropped.
     */
    private void translateMessage(Element message) {
        String name = message.getAttribute("name");
        if (name.startsWith("=")) {
            throw problem(message, "has the message name given by the FEEL expression '" + name
                    + "'; only a literal message name is translated");
        }
        Optional<Element> subscription = zeebeExtension(message, "subscription");
        if (subscription.isEmpty()) {
            return;
        }
        String correlationKey = subscription.get().getAttribute("correlationKey");
        Matcher reference = VARIABLE_REFERENCE.matcher(correlationKey);
        if (!reference.matches()) {
            throw problem(message, "uses the correlation key '" + correlationKey + "'; only =variableName is"
                    + " translated");
        }
        String earlier = correlationVariableByMessageName.putIfAbsent(name, reference.group(1));
        if (earlier != null && !earlier.equals(reference.group(1))) {
            throw problem(message, "correlates the message '" + name + "' on '" + reference.group(1)
                    + "', but another message of that name correlates on '" + earlier + "'");
        }
        remove(subscription.get());
    }

    /**
     * A multi-instance activity runs once per element of a collection that a step put in a variable: on the embedded
     * runtime that list is JSON text (Operaton has no JSON variables without Spin, and a Java-serialized list is
     * neither readable in Cockpit nor allowed by the engine's defaults), so {@link MultiInstanceVariables} reads it
     * back into a list. Only an output collection of decision results is translated: each instance's result is added
     * to the collection, as JSON text too, by an end listener, instead of a result variable of the decision's shape.
     */
    private void translateMultiInstance(Element loop) {
        Element activity = (Element) loop.getParentNode();
        Element characteristics = zeebeExtension(loop, "loopCharacteristics").orElseThrow(() -> problem(activity,
                "is multi-instance without zeebe:loopCharacteristics, so it has no input collection"));
        if (!childElements(loop, BPMN_NS, "completionCondition").isEmpty()
                || !childElements(loop, BPMN_NS, "loopCardinality").isEmpty()) {
            throw problem(activity, "has a multi-instance completion condition or loop cardinality; only an input"
                    + " collection and an output collection of decision results are translated");
        }
        String collection = variableReference(activity, "zeebe:loopCharacteristics inputCollection",
                characteristics.getAttribute("inputCollection"));
        loop.setAttributeNS(OPERATON_NS, "operaton:collection",
                "${multiInstanceVariables.elements(execution, '" + collection + "')}");
        if (characteristics.hasAttribute("inputElement")) {
            loop.setAttributeNS(OPERATON_NS, "operaton:elementVariable",
                    variableName(activity, "inputElement", characteristics.getAttribute("inputElement")));
        }
        if (characteristics.hasAttribute("outputCollection") || characteristics.hasAttribute("outputElement")) {
            collectDecisionResults(activity, characteristics);
        }
        remove(characteristics);
        if (!hasChildElements(childElements(loop, BPMN_NS, "extensionElements").get(0))) {
            remove(childElements(loop, BPMN_NS, "extensionElements").get(0));
        }
    }

    private void collectDecisionResults(Element activity, Element characteristics) {
        String resultVariable = activity.getAttributeNS(OPERATON_NS, "resultVariable");
        String outputCollection = variableName(activity, "outputCollection",
                characteristics.getAttribute("outputCollection"));
        String outputElement = characteristics.getAttribute("outputElement");
        Matcher reference = VARIABLE_REFERENCE.matcher(outputElement);
        if (!"businessRuleTask".equals(activity.getLocalName()) || resultVariable.isEmpty() || !reference.matches()
                || !reference.group(1).equals(resultVariable)) {
            throw problem(activity, "collects '" + characteristics.getAttribute("outputElement") + "' into an"
                    + " output collection; only the result variable of a business rule task's called decision is"
                    + " collected");
        }
        String mapDecisionResult = activity.getAttributeNS(OPERATON_NS, "mapDecisionResult");
        activity.removeAttributeNS(OPERATON_NS, "resultVariable");
        activity.removeAttributeNS(OPERATON_NS, "mapDecisionResult");
        Element listener = operatonElement("executionListener");
        listener.setAttribute("event", "end");
        listener.setAttribute("expression", "${multiInstanceVariables.collectDecisionResult(execution, '"
                + outputCollection + "', '" + mapDecisionResult + "')}");
        childElements(activity, BPMN_NS, "extensionElements").get(0).appendChild(listener);
    }

    /**
     * Input mappings that read a variable or a path into a context ({@code =line.sku}) become input parameters with
     * the same JUEL path, evaluated for each instance of a multi-instance activity as on Camunda 8. Output mappings
     * are not translated.
     */
    private void translateIoMapping(Element ioMapping) {
        Element activity = (Element) ioMapping.getParentNode().getParentNode();
        if (!childElements(ioMapping, ZEEBE_NS, "output").isEmpty()) {
            throw untranslated(activity, "zeebe:output");
        }
        Element inputOutput = operatonElement("inputOutput");
        for (Element input : childElements(ioMapping, ZEEBE_NS, "input")) {
            String source = input.getAttribute("source");
            Matcher path = VARIABLE_PATH.matcher(source);
            if (!path.matches()) {
                throw problem(activity, "has the input mapping source '" + source + "'; only =variable or"
                        + " =variable.field is translated");
            }
            Element parameter = operatonElement("inputParameter");
            parameter.setAttribute("name", variableName(activity, "input mapping target", input.getAttribute("target")));
            parameter.setTextContent("${" + path.group(1) + "}");
            inputOutput.appendChild(parameter);
        }
        ioMapping.getParentNode().replaceChild(inputOutput, ioMapping);
    }

    private String variableReference(Element element, String construct, String value) {
        Matcher reference = VARIABLE_REFERENCE.matcher(value);
        if (!reference.matches()) {
            throw problem(element, "uses '" + value + "' in " + construct + "; only =variableName is translated");
        }
        return reference.group(1);
    }

    private String variableName(Element element, String construct, String value) {
        if (!VARIABLE_NAME.matcher(value).matches()) {
            throw problem(element, "has the " + construct + " '" + value + "', which is not a variable name");
        }
        return value;
    }

    /** The zeebe constructs no step above consumed, and the BPMN elements not translated yet. */
    private void rejectWhatIsLeftUntranslated() {
        for (Element element : elements(document, "*", "*")) {
            if (ZEEBE_NS.equals(element.getNamespaceURI())) {
                throw untranslated(element, "zeebe:" + element.getLocalName());
            }
            if (BPMN_NS.equals(element.getNamespaceURI()) && "callActivity".equals(element.getLocalName())) {
                throw untranslated(element, "bpmn:callActivity");
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (ZEEBE_NS.equals(attribute.getNamespaceURI())) {
                    throw untranslated(element, "zeebe:" + attribute.getLocalName());
                }
            }
        }
    }

    /** A literal stays as it is, "=name" becomes ${name}, and any other FEEL expression is refused. */
    private String literalOrVariable(Element element, String construct, String value) {
        if (!value.startsWith("=")) {
            return value;
        }
        Matcher reference = VARIABLE_REFERENCE.matcher(value);
        if (!reference.matches()) {
            throw problem(element, "uses the FEEL expression '" + value + "' in " + construct
                    + "; only a literal or =variableName is translated");
        }
        return "${" + reference.group(1) + "}";
    }

    private String bindingType(Element task, String construct, Element zeebeElement) {
        String bindingType = zeebeElement.hasAttribute("bindingType") ? zeebeElement.getAttribute("bindingType")
                : "latest";
        if (!BINDING_TYPES.contains(bindingType)) {
            throw problem(task, "uses " + construct + " with bindingType '" + bindingType
                    + "'; only 'latest' and 'deployment' are translated");
        }
        return bindingType;
    }

    private Optional<Element> zeebeExtension(Element owner, String localName) {
        return childElements(owner, BPMN_NS, "extensionElements").stream()
                .flatMap(extensions -> childElements(extensions, ZEEBE_NS, localName).stream())
                .findFirst();
    }

    private Optional<String> zeebeProperty(Element owner, String name) {
        return zeebeExtension(owner, "properties").stream()
                .flatMap(properties -> childElements(properties, ZEEBE_NS, "property").stream())
                .filter(property -> name.equals(property.getAttribute("name")))
                .map(property -> property.getAttribute("value"))
                .findFirst();
    }

    private Element operatonElement(String localName) {
        return document.createElementNS(OPERATON_NS, "operaton:" + localName);
    }

    private ModelTranslationException untranslated(Node node, String construct) {
        return problem(node, "uses " + construct + ", which the embedded runtime does not translate");
    }

    private ModelTranslationException problem(Node node, String description) {
        return new ModelTranslationException(fileName + ": element '" + idOf(node) + "' " + description);
    }

    /** The id of the node or its nearest ancestor that has one: zeebe extensions and conditions have none. */
    private static String idOf(Node node) {
        for (Node current = node; current instanceof Element element; current = current.getParentNode()) {
            if (!element.getAttribute("id").isEmpty()) {
                return element.getAttribute("id");
            }
        }
        return "(without id)";
    }
}
