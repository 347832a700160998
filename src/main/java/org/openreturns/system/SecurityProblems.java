package org.openreturns.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The refusals of the security filters, as RFC 9457 problem details like every other error of the API: they happen
 * before any controller, so the API's exception handler never sees them.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String REALM = "Open Returns";

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * No or wrong credentials: 401 with the basic challenge. The identity store not answering (the Camunda 8 cluster
     * unreachable, say) is not the caller's fault: 503, so clients retry instead of asking for a new password.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Credentials cannot be checked now: the identity service does not answer");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        write(request, response, HttpStatus.UNAUTHORIZED, request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "Send the user name and password of an Open Returns user with HTTP basic authentication"
                : "The user name or password is wrong");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String whoMay = !path.startsWith("/api/") ? ""
                : ApiAuthorization.ruleFor(HttpMethod.valueOf(request.getMethod()), path)
                        .map(rule -> "; it is for " + String.join(", ", rule.groupsInOrder()))
                        .orElse("; no group may (docs/authorization.md)");
        write(request, response, HttpStatus.FORBIDDEN, "User " + (request.getUserPrincipal() == null ? "?"
                : request.getUserPrincipal().getName()) + " may not " + request.getMethod() + " "
                + request.getRequestURI() + whoMay);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "The URL is not allowed: " + rejected.getMessage());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // A URL the firewall refused may be no valid URI: the problem goes without its instance.
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
