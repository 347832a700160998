package org.openreturns.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a step ended: completed with output variables, or a business error that the model handles. */
public sealed interface StepResult {

    static StepResult completed() {
        return new Completed(Map.of());
    }

    static StepResult completed(Map<String, Object> variables) {
        return new Completed(variables);
    }

    /** A business outcome the model catches with an error boundary event of the same {@code errorCode}. */
    static StepResult businessError(String errorCode, String message) {
        return new BusinessError(errorCode, message, Map.of());
    }

    /** A business error that also sets variables, e.g. the problem to show when the work goes back to a person. */
    static StepResult businessError(String errorCode, String message, Map<String, Object> variables) {
        return new BusinessError(errorCode, message, variables);
    }

    /** A variable mapped to null is cleared, e.g. a form's answers before the same form is shown again. */
    record Completed(Map<String, Object> variables) implements StepResult {
        public Completed {
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
    }

    record BusinessError(String errorCode, String message, Map<String, Object> variables) implements StepResult {
        public BusinessError {
            Objects.requireNonNull(errorCode, "errorCode");
            variables = Map.copyOf(variables);
        }
    }
}
