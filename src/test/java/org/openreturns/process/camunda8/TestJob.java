package org.openreturns.process.camunda8;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;

/**
 * A job as Zeebe activates it for a worker: its type, element, instance, retries and variables (which arrive as
 * JSON, so numbers come back as Integer, Long or Double, as from the real client).
 */
final class TestJob implements ActivatedJob {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final String elementId;
    private final long processInstanceKey;
    private final int retries;
    private final String variables;
    private final UserTaskProperties userTask;

    TestJob(String type, String elementId, long processInstanceKey, int retries, Map<String, Object> variables,
            UserTaskProperties userTask) {
        this.type = type;
        this.elementId = elementId;
        this.processInstanceKey = processInstanceKey;
        this.retries = retries;
        try {
            this.variables = JSON.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        this.userTask = userTask;
    }

    static TestJob step(String type, long processInstanceKey, Map<String, Object> variables) {
        return new TestJob(type, type, processInstanceKey, 3, variables, null);
    }

    @Override
    public long getKey() {
        return processInstanceKey * 100 + type.hashCode() % 100;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public long getProcessInstanceKey() {
        return processInstanceKey;
    }

    @Override
    public String getBpmnProcessId() {
        return "return-process";
    }

    @Override
    public int getProcessDefinitionVersion() {
        return 1;
    }

    @Override
    public long getProcessDefinitionKey() {
        return 1;
    }

    @Override
    public String getElementId() {
        return elementId;
    }

    @Override
    public long getElementInstanceKey() {
        return getKey() + 1;
    }

    @Override
    public Map<String, String> getCustomHeaders() {
        return Map.of();
    }

    @Override
    public String getWorker() {
        return "test";
    }

    @Override
    public int getRetries() {
        return retries;
    }

    @Override
    public long getDeadline() {
        return Long.MAX_VALUE;
    }

    @Override
    public String getVariables() {
        return variables;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getVariablesAsMap() {
        try {
            return JSON.readValue(variables, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T getVariablesAsType(Class<T> variableType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getVariable(String name) {
        return getVariablesAsMap().get(name);
    }

    @Override
    public UserTaskProperties getUserTask() {
        return userTask;
    }

    @Override
    public JobKind getKind() {
        return userTask == null ? JobKind.BPMN_ELEMENT : JobKind.TASK_LISTENER;
    }

    @Override
    public ListenerEventType getListenerEventType() {
        return userTask == null ? ListenerEventType.UNSPECIFIED : ListenerEventType.COMPLETING;
    }

    @Override
    public String toJson() {
        return variables;
    }

    @Override
    public String getTenantId() {
        return "<default>";
    }

    @Override
    public List<DocumentReferenceResponse> getDocumentReferences(String name) {
        return List.of();
    }

    @Override
    public Set<String> getTags() {
        return Set.of();
    }
}
