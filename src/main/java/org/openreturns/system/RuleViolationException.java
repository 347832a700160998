package org.openreturns.system;

import java.util.List;

/**
 * A well-formed request that breaks a business rule (more returned than sold, a line not on the order, ...);
 * answered with 422 and one entry per offending field. Nothing was changed.
 */
public class RuleViolationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public RuleViolationException(List<FieldProblem> problems) {
        super(FieldProblem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    public RuleViolationException(String field, String problem) {
        this(List.of(new FieldProblem(field, problem)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
