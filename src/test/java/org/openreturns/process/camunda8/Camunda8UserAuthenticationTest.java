package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** API callers checked against the Camunda 8 cluster's users: its answer to /v2/authentication/me decides. */
class Camunda8UserAuthenticationTest {

    private final RestClient.Builder builder = RestClient.builder();
    private final MockRestServiceServer cluster = MockRestServiceServer.bindTo(builder).build();
    private final Camunda8UserAuthentication authentication =
            new Camunda8UserAuthentication(builder, "http://camunda:8080");

    @Test
    void aUserTheClusterKnowsGetsTheirGroupsAsAuthorities() {
        cluster.expect(requestTo("http://camunda:8080/v2/authentication/me"))
                .andExpect(header("Authorization", basic("quality1", "demo")))
                .andRespond(withSuccess("""
                        {"username": "quality1", "displayName": "quality1", "groups": ["quality"],
                         "roles": [], "tenants": [], "authorizedComponents": ["tasklist"]}""",
                        MediaType.APPLICATION_JSON));

        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("quality1", "demo"));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getName()).isEqualTo("quality1");
        assertThat(result.getCredentials()).as("the password is not kept").isNull();
        assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("quality");
        cluster.verify();
    }

    @Test
    void aWrongPasswordIsRefused() {
        cluster.expect(requestTo("http://camunda:8080/v2/authentication/me"))
                .andRespond(withStatus(HttpStatus.UNAUTHORIZED));

        assertThatThrownBy(() -> authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("quality1", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anAnswerForSomeoneElseIsRefused() {
        cluster.expect(requestTo("http://camunda:8080/v2/authentication/me"))
                .andRespond(withSuccess("{\"username\": \"anonymous\", \"groups\": []}", MediaType.APPLICATION_JSON));

        assertThatThrownBy(() -> authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("quality1", "demo")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
