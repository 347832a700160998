package org.openreturns.process.operaton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.process.Runtimes;
import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepHandlers;
import org.openreturns.process.StepResult;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the engine-neutral {@link StepHandler}s as Operaton service tasks. The translated model names this bean in
 * each service task's delegate expression, {@code ${stepHandlerDelegate.forTaskType('receive-parcel')}}, so the
 * task type travels in the model exactly as in Camunda 8.
 *
 * <p>The handler runs inside the job's transaction: its writes and the engine's progress commit together, and a
 * failure rolls both back for the next retry (see docs/adr/0002-step-handlers-as-async-delegates.md).
 *
 * <p>Public, with a public method, because the engine's expression language calls it by reflection.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component("stepHandlerDelegate")
public class StepHandlerDelegate {

    private final StepHandlers handlers;
    private final ObjectMapper json;
    private final Map<String, JavaDelegate> delegates = new ConcurrentHashMap<>();

    StepHandlerDelegate(StepHandlers handlers, ObjectMapper json) {
        this.handlers = handlers;
        this.json = json;
    }

    public JavaDelegate forTaskType(String taskType) {
        return delegates.computeIfAbsent(taskType, type -> {
            StepHandler handler = handlers.forTaskType(type).orElseThrow(() -> new IllegalStateException(
                    "No step handler for task type '" + type + "'"));
            return execution -> run(handler, execution);
        });
    }

    private void run(StepHandler handler, DelegateExecution execution) {
        StepContext context = new StepContext(handler.taskType(), execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(), new LinkedHashMap<>(execution.getVariables()));
        StepResult result = handler.handle(context);
        if (result instanceof StepResult.BusinessError error) {
            execution.setVariables(storable(error.variables()));
            throw new BpmnError(error.errorCode(), error.message());
        }
        execution.setVariables(storable(((StepResult.Completed) result).variables()));
    }

    /**
     * Lists and records as JSON text: the engine would store them Java-serialized, which its defaults forbid and
     * Cockpit cannot show (docs/adr/0013-decision-steps-and-lists-as-json-text.md). Steps read them back with
     * {@link StepContext#records}.
     */
    private Map<String, Object> storable(Map<String, Object> variables) {
        Map<String, Object> storable = new LinkedHashMap<>(variables);
        storable.replaceAll((name, value) -> value instanceof Collection<?> || value instanceof Map<?, ?>
                ? asJson(name, value) : value);
        return storable;
    }

    private String asJson(String name, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write variable '" + name + "' as JSON", e);
        }
    }
}
