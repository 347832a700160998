package org.openreturns.process;

import java.util.List;

/** The variables submitted for a task do not fit its form; each violation names the field. */
public class InvalidTaskSubmissionException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidTaskSubmissionException(String formId, List<FieldViolation> violations) {
        super("The submitted variables do not fit form '" + formId + "'");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public record FieldViolation(String field, String problem) {
    }
}
