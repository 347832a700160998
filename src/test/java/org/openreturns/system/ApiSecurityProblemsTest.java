package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Refusals of the security filters are problem details like every other error of the API. */
@ReturnsIntegrationTest
class ApiSecurityProblemsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void aCallWithoutCredentialsIsAskedForThemInAProblem() {
        ResponseEntity<Map> refused = http.getForEntity("/api/returns/sla-escalations", Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Basic realm=\"Open Returns\"");
        assertThat(refused.getBody()).containsEntry("status", 401).containsEntry("title", "Unauthorized")
                .containsEntry("instance", "/api/returns/sla-escalations");
        assertThat((String) refused.getBody().get("detail")).contains("HTTP basic authentication");
    }

    @Test
    void aWrongPasswordIsAProblemThatSaysSo() {
        // A user no other test logs in as: the engine locks a user for a few seconds after a wrong password.
        ResponseEntity<Map> refused = http.withBasicAuth("nobody-by-this-name", "not-the-password")
                .getForEntity("/api/returns/sla-escalations", Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("status", 401)
                .containsEntry("detail", "The user name or password is wrong");
    }

    /** No rule of the filter chain refuses an authenticated user today; the handler is ready for the first one. */
    @Test
    void aRefusalOfTheFiltersToAKnownUserIsAForbiddenProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/refunds/settlement-files");
        request.setUserPrincipal(new UsernamePasswordAuthenticationToken("support1", null));
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SecurityProblems(json).handle(request, response, new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readValue(response.getContentAsString(), Map.class))
                .containsEntry("status", 403).containsEntry("title", "Forbidden")
                .containsEntry("detail", "User support1 may not POST /api/refunds/settlement-files");
    }
}
