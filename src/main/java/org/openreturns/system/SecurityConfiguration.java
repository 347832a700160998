package org.openreturns.system;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The HTTP API asks every caller for HTTP basic credentials of a user that Tasklist knows too. Only {@code /api/**}
 * is guarded here: Operaton's web apps have their own login, and its REST API its own filter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * @param identityStore  the runtime's users and groups: the engine's identity service or the Camunda 8 cluster
     * @param rememberLogins how long a successful login is remembered (PT0S: every request is checked)
     * @param json           writes the refusals as problem details
     */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationProvider identityStore,
                                    @Value("${returns.identity.remember-logins}") Duration rememberLogins,
                                    ObjectMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        AuthenticationProvider logins = rememberLogins.isZero() ? identityStore
                : new RememberedLogins(identityStore, rememberLogins, Ticker.systemTicker());
        return http
                .securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(logins))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API with credentials on every request: there is no session for a forged request to ride.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * A URL Spring Security's firewall refuses (an encoded slash or percent sign, a NUL, ...) is answered like every
     * other refusal, with a problem detail, instead of the servlet container's error page.
     */
    @Bean
    RequestRejectedHandler rejectedUrls(ObjectMapper json) {
        return new SecurityProblems(json);
    }
}
