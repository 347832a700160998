package org.openreturns.idempotency;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.openreturns.system.FieldProblem;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.NonNull;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours the {@code Idempotency-Key} header on every write request of the HTTP API (docs/adr/0015): the first
 * request with a key runs, and its successful response is stored in the same database transaction as its work; a
 * repeat with the same key, user, method, path and body is answered that stored response without running again
 * (marked {@code Idempotent-Replayed: true}); the same key with another body is refused with 422. A repeat that comes
 * while the first still runs waits for it (at most {@code returns.idempotency.wait-for-running}, then 409).
 * <p>
 * A refused or failed request (any status other than 2xx) rolls its transaction back and stores nothing, so the
 * client may send it again with the same key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Long enough for a UUID or a client's own request id, short enough to keep the key's index small. */
    static final int LONGEST_KEY = 255;

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final IdempotencyProperties settings;
    private final Clock clock;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyKeys keys, TransactionTemplate transactions, IdempotencyProperties settings,
                      Clock clock, ObjectMapper json) {
        this.keys = keys;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        return !WRITE_METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null
                || request.getUserPrincipal() == null;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > LONGEST_KEY) {
            writeProblem(request, response, HttpStatus.BAD_REQUEST, "Invalid request",
                    "must be between 1 and " + LONGEST_KEY + " characters, not blank");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        IdempotencyKeys.Scope scope = new IdempotencyKeys.Scope(request.getUserPrincipal().getName(),
                request.getMethod(), request.getRequestURI(), key);
        String requestHash = hash(request.getQueryString(), body);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);

        Optional<IdempotencyKeys.StoredResponse> earlier;
        try {
            earlier = transactions.execute(transaction -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                Optional<IdempotencyKeys.StoredResponse> stored = keys.claimOrFind(scope, requestHash, now,
                        now.minus(settings.keepKeys()), settings.waitForRunning());
                if (stored.isPresent()) {
                    return stored;
                }
                runUnchecked(chain, new RepeatableBodyRequest(request, body), buffered);
                if (HttpStatus.valueOf(buffered.getStatus()).is2xxSuccessful()) {
                    keys.recordResponse(scope, buffered.getStatus(), buffered.getContentType(),
                            buffered.getHeader(HttpHeaders.LOCATION), buffered.getContentAsByteArray());
                } else {
                    transaction.setRollbackOnly();
                }
                return Optional.empty();
            });
        } catch (UncheckedServletException failed) {
            throw failed.servletException;
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        } catch (DataAccessException failure) {
            if (!isLockTimeout(failure)) {
                throw failure;
            }
            buffered.reset();
            writeProblem(request, response, HttpStatus.CONFLICT, "Conflict with the current state",
                    "is in use by a request that is still running; send the request again later");
            return;
        }

        if (earlier == null || earlier.isEmpty()) {
            // Only now, after the commit, does the client see the response.
            buffered.copyBodyToResponse();
        } else if (!earlier.get().requestHash().equals(requestHash)) {
            writeProblem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                    "was used for a request with another body; a new request needs a new key");
        } else {
            replay(earlier.get(), response);
        }
    }

    private static void replay(IdempotencyKeys.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
        }
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String title, String problemWithKey) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, HEADER + " " + problemWithKey);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", List.of(new FieldProblem(HEADER, problemWithKey)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean isLockTimeout(DataAccessException failure) {
        return NestedExceptionUtils.getMostSpecificCause(failure) instanceof SQLException sql
                && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    /** The body and the query together: a repeat must ask for the same thing in both. */
    private static String hash(String query, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException notInThisJava) {
            throw new IllegalStateException("Every Java has SHA-256", notInThisJava);
        }
    }

    /** Runs the rest of the chain inside the transaction callback, which allows no checked exceptions. */
    private static void runUnchecked(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (ServletException failed) {
            throw new UncheckedServletException(failed);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static final class UncheckedServletException extends RuntimeException {
        private final ServletException servletException;

        UncheckedServletException(ServletException cause) {
            super(cause);
            this.servletException = cause;
        }
    }

    /** The request with its body already read (to hash it), served again to the controller. */
    private static final class RepeatableBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        RepeatableBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is read already; no asynchronous reading");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }
    }
}
