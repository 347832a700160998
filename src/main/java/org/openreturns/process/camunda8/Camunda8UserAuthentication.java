package org.openreturns.process.camunda8;

import java.util.List;

import org.openreturns.process.Runtimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Authenticates HTTP API callers against the Camunda 8 cluster's users and groups (its
 * {@code GET /v2/authentication/me} with the caller's credentials), so the API knows the same people and groups as
 * Camunda's Tasklist and Operate. The groups become the caller's authorities.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8UserAuthentication implements AuthenticationProvider {

    /** The part of the cluster's answer the application needs. */
    record CurrentUser(String username, List<String> groups) {
    }

    private final RestClient cluster;

    Camunda8UserAuthentication(RestClient.Builder builder, @Value("${camunda.client.rest-address}") String restAddress) {
        this.cluster = builder.baseUrl(restAddress).build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        CurrentUser user;
        try {
            user = cluster.get().uri("/v2/authentication/me")
                    .headers(headers -> headers.setBasicAuth(username, password))
                    .retrieve()
                    .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                        throw new BadCredentialsException("Unknown user or wrong password");
                    })
                    .body(CurrentUser.class);
        } catch (RestClientException e) {
            throw new AuthenticationServiceException("The Camunda 8 cluster cannot check credentials now", e);
        }
        if (user == null || !username.equals(user.username())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> groups = (user.groups() == null ? List.<String>of() : user.groups()).stream()
                .map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
