package org.openreturns.workspace;

import static org.openreturns.workspace.PageAccess.DASHBOARDS;
import static org.openreturns.workspace.PageAccess.EVERY_STAFF_GROUP;
import static org.openreturns.workspace.PageAccess.FINANCE_PAGES;
import static org.openreturns.workspace.PageAccess.RECEIVING;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The staff workspace ({@code /app/**}) logs people in with a form and keeps them in a session, with the same users
 * and groups as Tasklist (the identity store the API asks too). Forms carry a CSRF token: a session cookie alone
 * must never be enough to change anything. Which group opens which page is {@link PageAccess}, written down in
 * docs/authorization.md under "Pages".
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurityConfiguration {

    static final String LOGIN_PAGE = "/app/login";

    @Bean
    @Order(1)
    SecurityFilterChain workspaceSecurity(HttpSecurity http, AuthenticationProvider identityStore) throws Exception {
        return http
                .securityMatcher("/app/**")
                .authenticationManager(new ProviderManager(identityStore))
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers(LOGIN_PAGE).permitAll()
                        .requestMatchers("/app/returns/*/journal", "/app/finance/**")
                        .hasAnyAuthority(FINANCE_PAGES.groups())
                        .requestMatchers("/app/dashboards/**").hasAnyAuthority(DASHBOARDS.groups())
                        .requestMatchers("/app/receiving/**").hasAnyAuthority(RECEIVING.groups())
                        .anyRequest().hasAnyAuthority(EVERY_STAFF_GROUP.groups()))
                .formLogin(login -> login.loginPage(LOGIN_PAGE).defaultSuccessUrl("/app/returns")
                        .failureUrl(LOGIN_PAGE + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/app/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .exceptionHandling(refusals -> refusals.accessDeniedPage("/app/denied"))
                .build();
    }
}
