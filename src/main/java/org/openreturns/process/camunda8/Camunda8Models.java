package org.openreturns.process.camunda8;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.openreturns.process.Runtimes;
import org.openreturns.process.models.ModelFile;
import org.openreturns.process.models.ModelFiles;
import org.openreturns.process.models.ModelSet;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The files of the model folders as Camunda 8 receives them (unchanged) at startup, and what the application
 * needs to know about them: the job types its workers must serve, the user task listener types, and which process
 * variable records the person who completed a user task (the model's {@code completedByVariable} property).
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8Models {

    static final String COMPLETED_BY_PROPERTY = "completedByVariable";

    private final List<ModelFile> files = new ArrayList<>();
    private final Set<String> taskTypes = new TreeSet<>();
    private final Set<String> listenerTypes = new TreeSet<>();
    private final Map<String, UserTaskFacts> userTasks = new HashMap<>();
    private final Map<String, List<CompletedBy>> completedByBeforeStep = new HashMap<>();

    /** What the task API needs to know about one user task of a model. */
    record UserTaskFacts(Optional<String> formId, Optional<String> completedByVariable,
                         List<String> completingListenerTypes) {
    }

    /** A user task that records who completed it, in this variable. */
    record CompletedBy(String userTaskElementId, String variable) {
    }

    Camunda8Models(ModelFiles modelFiles) {
        ModelSet models = modelFiles.read();
        files.addAll(models.decisions());
        files.addAll(models.forms());
        for (ModelFile file : models.processes()) {
            files.add(file);
            read(Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())));
        }
    }

    private void read(BpmnModelInstance model) {
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
            if (definition != null) {
                taskTypes.add(definition.getType());
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            List<CompletedBy> before = new ArrayList<>();
            for (UserTask userTask : userTasksLeadingTo(task, new HashSet<>())) {
                completedByVariable(userTask).ifPresent(variable -> before.add(new CompletedBy(userTask.getId(),
                        variable)));
            }
            completedByBeforeStep.put(key(processOf(task), task.getId()), List.copyOf(before));
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            // A user task's execution listeners (the steps that prepare what the task shows) are jobs like steps.
            ZeebeExecutionListeners executionListeners = task.getSingleExtensionElement(ZeebeExecutionListeners.class);
            if (executionListeners != null) {
                executionListeners.getExecutionListeners().forEach(listener -> taskTypes.add(listener.getType()));
            }
            ZeebeTaskListeners listeners = task.getSingleExtensionElement(ZeebeTaskListeners.class);
            List<String> completing = listeners == null ? List.of() : listeners.getTaskListeners().stream()
                    // The old name "complete" means the same event as "completing".
                    .filter(listener -> listener.getEventType() == ZeebeTaskListenerEventType.completing
                            || listener.getEventType() == ZeebeTaskListenerEventType.complete)
                    .map(ZeebeTaskListener::getType)
                    .toList();
            listenerTypes.addAll(completing);
            Optional<String> completedBy = completedByVariable(task);
            ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            Optional<String> formId = form == null ? Optional.empty() : Optional.ofNullable(form.getFormId());
            userTasks.put(key(processOf(task), task.getId()), new UserTaskFacts(formId, completedBy, completing));
        }
    }

    private static Optional<String> completedByVariable(UserTask task) {
        ZeebeProperties properties = task.getSingleExtensionElement(ZeebeProperties.class);
        return properties == null ? Optional.empty() : properties.getProperties().stream()
                .filter(property -> COMPLETED_BY_PROPERTY.equals(property.getName()))
                .map(ZeebeProperty::getValue)
                .findFirst();
    }

    /** The user tasks from which the flow reaches this element directly or through gateways only. */
    private static Set<UserTask> userTasksLeadingTo(FlowNode node, Set<FlowNode> visited) {
        Set<UserTask> found = new HashSet<>();
        for (SequenceFlow incoming : node.getIncoming()) {
            FlowNode source = incoming.getSource();
            if (!visited.add(source)) {
                continue;
            }
            if (source instanceof UserTask userTask) {
                found.add(userTask);
            } else if (source instanceof Gateway) {
                found.addAll(userTasksLeadingTo(source, visited));
            }
        }
        return found;
    }

    private static String processOf(FlowNode task) {
        ModelElementInstance scope = task.getParentElement();
        while (!(scope instanceof Process)) {
            scope = scope.getParentElement();
        }
        return ((Process) scope).getId();
    }

    private static String key(String processId, String elementId) {
        return processId + "/" + elementId;
    }

    /** Every file to deploy, decisions and forms before the processes that refer to them. */
    List<ModelFile> files() {
        return Collections.unmodifiableList(files);
    }

    Set<String> taskTypes() {
        return Collections.unmodifiableSet(taskTypes);
    }

    Set<String> listenerTypes() {
        return Collections.unmodifiableSet(listenerTypes);
    }

    /**
     * The user tasks that lead to this service task (directly or through gateways) and record who completed them:
     * the step after a person's work, whose worker supplies that person (see {@link TaskCompleters}).
     */
    List<CompletedBy> completedByBefore(String processId, String serviceTaskElementId) {
        return completedByBeforeStep.getOrDefault(key(processId, serviceTaskElementId), List.of());
    }

    UserTaskFacts userTask(String processId, String elementId) {
        return userTasks.getOrDefault(key(processId, elementId), new UserTaskFacts(Optional.empty(), Optional.empty(), List.of()));
    }
}
