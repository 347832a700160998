package org.openreturns.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.openreturns.system.FieldProblem;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A JSON request body with values of the wrong type or format, or with fields the request does not have; each is
 * named by its path in the body ({@code lines[1].quantity}) with what was expected.
 */
class InvalidJsonValuesException extends HttpMessageNotReadableException {

    private final List<FieldProblem> problems;

    InvalidJsonValuesException(List<ProblemCollectingJsonConverter.BadValue> badValues, HttpInputMessage input) {
        super("JSON values of the wrong type or name", badValues.get(0).failure(), input);
        this.problems = badValues.stream().map(InvalidJsonValuesException::problem)
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
    }

    /** JSON broken or beyond the parser's limits at one place inside the body. */
    InvalidJsonValuesException(FieldProblem problem, Exception failure, HttpInputMessage input) {
        super("JSON not readable at " + problem.field(), failure, input);
        this.problems = List.of(problem);
    }

    List<FieldProblem> problems() {
        return problems;
    }

    private static FieldProblem problem(ProblemCollectingJsonConverter.BadValue badValue) {
        JsonMappingException failure = badValue.failure();
        String field = path(failure);
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field, "is not a field of this request; its fields are "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        }
        if (failure instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && text.indexOf('\0') >= 0) {
            return new FieldProblem(field, JsonRequestBodies.NUL_PROBLEM);
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String given = badValue.given() == null ? "" : ", not " + shortened(badValue.given().toString());
            return new FieldProblem(field, "must be " + expected(mismatch.getTargetType()) + given);
        }
        return new FieldProblem(field, "has a value of the wrong type or format");
    }

    /** What a value of the type looks like in JSON, for a person who sent something else. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || Number.class
                .isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID such as 0b6f4c1e-2a39-4d57-9a0e-3c1d2e4f5a6b";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-03-31";
        }
        if (type == Duration.class) {
            return "an ISO 8601 duration such as PT24H";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time with offset such as 2026-03-31T14:30:00+02:00";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String shortened(String json) {
        return json.length() <= 40 ? json : json.substring(0, 37) + "...";
    }

    /** The JSON path of the offending value, written as in validation errors: {@code lines[0].unitPrice}. */
    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }
}
