package org.openreturns.web;

import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;

import org.openreturns.process.InvalidTaskSubmissionException;
import org.openreturns.process.TaskAccessDeniedException;
import org.openreturns.process.TaskClaimedException;
import org.openreturns.process.TaskCompletedException;
import org.openreturns.process.TaskCompletionDeniedException;
import org.openreturns.process.TaskNotFoundException;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.ForbiddenException;
import org.openreturns.system.InvalidParameterException;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.OutageException;
import org.openreturns.system.RuleViolationException;
import org.openreturns.system.UnauthenticatedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of the HTTP API into RFC 9457 problem details. Whenever a field is to blame, the problem
 * lists it under {@code errors} as {@code {field, problem}}, with the field's path in the request body
 * ({@code lines[1].quantity}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final int RETRY_AFTER_SECONDS = 5;

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException exception,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> problems = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException exception,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        if (exception instanceof InvalidJsonValuesException invalid) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    invalid.problems()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON or is missing");
        problem.setTitle("Unreadable request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException exception, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                List.of(new FieldProblem(exception.getParameterName(), "is required"))));
    }

    /** A path variable that is blank ({@code /api/returns/%20/parcel-events}) is the caller's mistake. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(@NonNull MissingPathVariableException exception,
                                                               @NonNull HttpHeaders headers,
                                                               @NonNull HttpStatusCode status,
                                                               @NonNull WebRequest request) {
        if (!exception.isMissingAfterConversion()) {
            return super.handleMissingPathVariable(exception, headers, status, request);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                List.of(new FieldProblem(exception.getVariableName(), "is required"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException exception) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                List.of(new FieldProblem(exception.getName(), "is not a valid value: " + exception.getValue())));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException exception) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", exception.problems());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException exception) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Business rule violated", exception.problems());
    }

    @ExceptionHandler(InvalidTaskSubmissionException.class)
    ProblemDetail invalidSubmission(InvalidTaskSubmissionException exception) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, exception.getMessage(), exception.violations().stream()
                .map(violation -> new FieldProblem(violation.field(), violation.problem())).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Not found");
        problem.setProperty("errors", List.of(new FieldProblem(exception.field(), exception.getMessage())));
        return problem;
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ProblemDetail unauthenticated(UnauthenticatedException exception) {
        return simple(HttpStatus.UNAUTHORIZED, "Not authenticated", exception.getMessage());
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ProblemDetail taskNotFound(TaskNotFoundException exception) {
        return simple(HttpStatus.NOT_FOUND, "Not found", exception.getMessage());
    }

    @ExceptionHandler({TaskAccessDeniedException.class, TaskCompletionDeniedException.class, ForbiddenException.class})
    ProblemDetail forbidden(RuntimeException exception) {
        return simple(HttpStatus.FORBIDDEN, "Not allowed", exception.getMessage());
    }

    @ExceptionHandler({ConflictException.class, TaskClaimedException.class, TaskCompletedException.class})
    ProblemDetail conflict(RuntimeException exception) {
        return simple(HttpStatus.CONFLICT, "Conflict with the current state", exception.getMessage());
    }

    @ExceptionHandler(OutageException.class)
    ProblemDetail outage(OutageException exception) {
        return simple(HttpStatus.SERVICE_UNAVAILABLE, "A system we depend on is unavailable", exception.getMessage());
    }

    /**
     * Every database connection was busy for the pool's whole connection timeout: the application is overloaded, not
     * broken, so the client is told to come back shortly (503 with {@code Retry-After}) instead of getting a 500.
     * Any other database failure stays a server error.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, org.springframework.dao.DataAccessException.class,
            org.jooq.exception.DataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException exception) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof SQLTransientConnectionException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw exception;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(simple(HttpStatus.SERVICE_UNAVAILABLE, "Too busy",
                        "Every database connection is in use; try again in " + RETRY_AFTER_SECONDS + " seconds"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, List<FieldProblem> problems) {
        String detail = problems.isEmpty() ? title : FieldProblem.describe(problems);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", problems);
        return problem;
    }

    private static ProblemDetail simple(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
