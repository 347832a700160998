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

/** The task completion checks by listener type, and the startup check that the models use no unknown type. */
@Component
public class TaskCompletionChecks {

    private final Map<String, TaskCompletionCheck> byType;

    public TaskCompletionChecks(List<TaskCompletionCheck> checks) {
        this.byType = checks.stream().collect(Collectors.toMap(TaskCompletionCheck::type, Function.identity(),
                (first, second) -> {
                    throw new IllegalStateException("Two task completion checks for listener type '" + first.type()
                            + "': " + first.getClass().getName() + " and " + second.getClass().getName());
                }));
    }

    public Optional<TaskCompletionCheck> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    /** Fails when a model uses a user task listener type that no check implements, listing every such type. */
    public void requireChecksFor(Collection<String> listenerTypesInModels) {
        Set<String> missing = new TreeSet<>(listenerTypesInModels);
        missing.removeAll(byType.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The models use user task listener types that no TaskCompletionCheck"
                    + " implements: " + missing + ". Add one for each, or correct the zeebe:taskListener type.");
        }
    }
}
