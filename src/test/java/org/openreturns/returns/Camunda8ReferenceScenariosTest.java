package org.openreturns.returns;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.openreturns.ApiClient;
import org.openreturns.EnabledIfDockerAvailable;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.WorkGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;

/**
 * The five reference scenarios of docs/specification/lifecycle.md ({@link ReferenceScenarios}) on Camunda 8: the
 * application with the {@code camunda8} profile against a Camunda 8.8 cluster that Camunda Process Test runs in Docker,
 * the same HTTP API, models, job workers and PostgreSQL. Skipped, with the reason, where Docker is missing.
 *
 * <p>The cluster of Camunda Process Test runs without its own login, so the API's users and groups come from the
 * demo users here instead of the cluster's identity.
 */
@EnabledIfDockerAvailable
@CamundaSpringProcessTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "camunda8"})
class Camunda8ReferenceScenariosTest extends ReferenceScenarios {

    @TestConfiguration(proxyBeanMethods = false)
    static class DemoUsers {
        @Bean
        @Primary
        AuthenticationProvider demoUsers() {
            return new AuthenticationProvider() {
                @Override
                public org.springframework.security.core.Authentication authenticate(
                        org.springframework.security.core.Authentication authentication) {
                    if (!"demo".equals(String.valueOf(authentication.getCredentials()))) {
                        throw new BadCredentialsException("Unknown user or wrong password");
                    }
                    List<String> groups = authentication.getName().equals("admin")
                            ? WorkGroups.DOMAIN_GROUPS
                            : WorkGroups.DEMO_USERS.getOrDefault(authentication.getName(), List.of());
                    return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                            new ArrayList<>(groups.stream().map(SimpleGrantedAuthority::new).toList()));
                }

                @Override
                public boolean supports(Class<?> authentication) {
                    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
                }
            };
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    CamundaClient client;
    @Autowired
    CamundaProcessTestContext processTest;

    @BeforeEach
    void setUp() {
        // The models are deployed in the background once the test's client exists.
        await().atMost(Duration.ofSeconds(60)).until(() -> !client.newProcessDefinitionSearchRequest()
                .filter(filter -> filter.processDefinitionId("return-process")).send().join().items().isEmpty());
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog, new Camunda8ProbeForTests(client, processTest));
    }
}
