package org.openreturns.system;

import java.util.List;
import java.util.stream.Collectors;

/** One thing wrong with one field of a request, as the problem details of an error response list it. */
public record FieldProblem(String field, String problem) {

    /** The problems in one line for a person: {@code grade must be one of A-E; comment is required}. */
    public static String describe(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.problem()).collect(Collectors.joining("; "));
    }
}
