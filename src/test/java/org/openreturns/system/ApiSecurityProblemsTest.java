package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Refusals of the security filters are problem details like every other error of the API. */
@ReturnsIntegrationTest
class ApiSecurityProblemsTest {

    @Autowired
    TestRestTemplate http;

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

    @Test
    void aGroupThatMayNotCallAnEndpointIsToldWhichGroupsMay() {
        ResponseEntity<Map> refused = http.withBasicAuth("support1", "demo")
                .getForEntity("/api/refunds/settlement-file", Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("status", 403).containsEntry("title", "Forbidden")
                .containsEntry("detail", "User support1 may not GET /api/refunds/settlement-file; it is for finance, "
                        + "admin");
    }

    @Test
    void anEndpointWithoutARowInTheMatrixIsRefusedToEveryone() {
        ResponseEntity<Map> refused = http.withBasicAuth("admin", "demo")
                .getForEntity("/api/no-such-endpoint", Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("detail",
                "User admin may not GET /api/no-such-endpoint; no group may (docs/authorization.md)");
    }
}
