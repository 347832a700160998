package org.openreturns.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The HTTP API asks every caller for HTTP basic credentials of a user that Tasklist knows too. Only {@code /api/**}
 * is guarded here: Operaton's web apps have their own login, and its REST API its own filter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final BasicAuthenticationEntryPoint BASIC_CHALLENGE = basicChallenge();

    private static BasicAuthenticationEntryPoint basicChallenge() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Open Returns");
        return challenge;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::refuse))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API with credentials on every request: there is no session for a forged request to ride.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * No or wrong credentials: 401 with the basic challenge. The identity store not answering (the Camunda 8 cluster
     * unreachable, say) is not the caller's fault: 503, so clients retry instead of asking for a new password.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response,
                               AuthenticationException failure) throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"Credentials cannot be checked now: the identity service does not answer\"}");
            return;
        }
        BASIC_CHALLENGE.commence(request, response, failure);
    }
}
