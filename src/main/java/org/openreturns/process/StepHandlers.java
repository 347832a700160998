package org.openreturns.process;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every {@link StepHandler} of the application, by task type. Two handlers for one type stop startup. */
@Component
public class StepHandlers {

    private final Map<String, StepHandler> byTaskType;

    public StepHandlers(List<StepHandler> handlers) {
        this.byTaskType = handlers.stream().collect(Collectors.toMap(StepHandler::taskType, Function.identity(),
                (first, second) -> {
                    throw new IllegalStateException("Two step handlers for task type '" + first.taskType() + "': "
                            + first.getClass().getName() + " and " + second.getClass().getName());
                }));
    }

    public Optional<StepHandler> forTaskType(String taskType) {
        return Optional.ofNullable(byTaskType.get(taskType));
    }

    public Set<String> taskTypes() {
        return Set.copyOf(byTaskType.keySet());
    }

    /** Fails when a model uses a task type that no handler executes, listing every such type. */
    public void requireHandlersFor(Collection<String> taskTypesInModels) {
        Set<String> missing = new TreeSet<>(taskTypesInModels);
        missing.removeAll(byTaskType.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The models use task types that no step handler executes: " + missing
                    + ". Add a StepHandler for each, or correct the zeebe:taskDefinition type in bpmn/.");
        }
    }
}
