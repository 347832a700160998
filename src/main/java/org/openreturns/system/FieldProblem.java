package org.openreturns.system;

/** One thing wrong with one field of a request, as the problem details of an error response list it. */
public record FieldProblem(String field, String problem) {
}
