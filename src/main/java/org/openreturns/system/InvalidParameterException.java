package org.openreturns.system;

import java.util.List;

/** A query parameter that is missing, malformed or out of range; answered with 400 naming each parameter. */
public class InvalidParameterException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidParameterException(List<FieldProblem> problems) {
        super(FieldProblem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
