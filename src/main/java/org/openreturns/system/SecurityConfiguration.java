package org.openreturns.system;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The HTTP API asks every caller for HTTP basic credentials (except on the endpoints a channel calls with a signed
 * request, see {@link #channelSignedRequests}) of a user that Tasklist knows too, and lets each group call
 * only the endpoints {@link ApiAuthorization} gives it; a request no row of that table matches is refused. The
 * metrics for Prometheus are guarded the same way. Operaton's web apps have their own login, and its REST API its own
 * filter; health and the API description need no login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String METRICS_PATH = "/actuator/prometheus";

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
        return withBasicLogins(http.securityMatcher("/api/**"), identityStore, rememberLogins, json)
                .authorizeHttpRequests(requests -> {
                    for (ApiAuthorization.Rule rule : ApiAuthorization.RULES) {
                        if (rule.signedByChannel()) {
                            // Taken by channelSignedRequests before this chain; never with a login.
                            continue;
                        }
                        requests.requestMatchers(rule.requestMatcher())
                                .hasAnyAuthority(rule.groups().toArray(String[]::new));
                    }
                    // A new endpoint is nobody's until it has its row in the matrix.
                    requests.anyRequest().denyAll();
                })
                .build();
    }

    /**
     * The endpoints {@link ApiAuthorization} marks as signed by the channel (the web store's webhooks) take no login:
     * the endpoint checks the request's signature with the channel's secret itself and refuses it with 401 when it is
     * missing or wrong. This chain comes before the API's, so HTTP basic never sees these paths and credentials sent
     * with them open nothing.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain channelSignedRequests(HttpSecurity http) throws Exception {
        RequestMatcher[] signed = ApiAuthorization.signedByChannel().stream()
                .map(ApiAuthorization.Rule::requestMatcher).toArray(RequestMatcher[]::new);
        return http.securityMatcher(new OrRequestMatcher(signed))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no login: a forged request has nothing to ride, and the signature is checked anyway.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The operational figures ({@code /actuator/prometheus}) name amounts of money held and breaks open: for the
     * groups that read everything, managers and operations. Prometheus scrapes with HTTP basic as a user of one of
     * them (docs/operations-metrics.md).
     */
    @Bean
    SecurityFilterChain metricsSecurity(HttpSecurity http, AuthenticationProvider identityStore,
                                        @Value("${returns.identity.remember-logins}") Duration rememberLogins,
                                        ObjectMapper json)
            throws Exception {
        return withBasicLogins(http.securityMatcher(METRICS_PATH), identityStore, rememberLogins, json)
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyAuthority(ApiAuthorization.MANAGER, ApiAuthorization.ADMIN))
                .build();
    }

    /** HTTP basic on every request, no session, refusals as problem details. */
    private static HttpSecurity withBasicLogins(HttpSecurity http, AuthenticationProvider identityStore,
                                                Duration rememberLogins, ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        AuthenticationProvider logins = rememberLogins.isZero() ? identityStore
                : new RememberedLogins(identityStore, rememberLogins, Ticker.systemTicker());
        return http
                .authenticationManager(new ProviderManager(logins))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, with credentials on every request: there is no session for a forged request to ride.
                .csrf(csrf -> csrf.disable());
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
