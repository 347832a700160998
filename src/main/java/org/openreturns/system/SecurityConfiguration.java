package org.openreturns.system;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
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

    /**
     * @param identityStore  the runtime's users and groups: the engine's identity service or the Camunda 8 cluster
     * @param rememberLogins how long a successful login is remembered (PT0S: every request is checked)
     */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationProvider identityStore,
                                    @Value("${returns.identity.remember-logins}") Duration rememberLogins)
            throws Exception {
        AuthenticationProvider logins = rememberLogins.isZero() ? identityStore
                : new RememberedLogins(identityStore, rememberLogins, Ticker.systemTicker());
        return http
                .securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(logins))
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
