package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openreturns.ReturnsIntegrationTest;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the HTTP API, as Spring MVC knows them, called as a user of each group and without credentials:
 * the groups of its row in {@link ApiAuthorization} get past the security filter (any answer but 401 and 403), the
 * others get 403, and nobody gets in without credentials. An endpoint signed by the channel answers every caller
 * without a signature 401, whatever credentials it sends. An endpoint without a row fails here until it is placed.
 *
 * <p>The calls name ids that do not exist and send empty bodies, so an allowed call ends in 400 or 404 where it would
 * change something. The class has a database of its own (the property below), because a reconciliation run or a
 * settlement file called here would otherwise show up in other tests' figures.
 */
@ReturnsIntegrationTest
@TestPropertySource(properties = "returns.test.database=authorization-matrix")
class ApiAuthorizationMatrixTest {

    /** A user of each group; the demo user {@code admin} is in every group, so the admin column gets one of its own. */
    static final Map<String, String> USER_OF_GROUP = Map.of(
            ApiAuthorization.SUPPORT, "support1",
            ApiAuthorization.WAREHOUSE, "warehouse1",
            ApiAuthorization.QUALITY, "quality1",
            ApiAuthorization.FINANCE, "finance1",
            ApiAuthorization.MANAGER, "manager1",
            ApiAuthorization.INVENTORY_CONTROL, "inventory1",
            ApiAuthorization.ADMIN, "operations1");

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void createAUserInTheAdminGroupOnly() {
        if (identityService.createUserQuery().userId("operations1").count() == 0) {
            User user = identityService.newUser("operations1");
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership("operations1", ApiAuthorization.ADMIN);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryGroupAsTheMatrixSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : apiEndpoints()) {
            Optional<ApiAuthorization.Rule> rule = ApiAuthorization.ruleFor(endpoint.method(), endpoint.path());
            tests.add(DynamicTest.dynamicTest(endpoint + " has its row in the matrix", () -> assertThat(rule)
                    .as("%s is refused to everyone until ApiAuthorization gives it a row", endpoint).isPresent()));
            if (rule.isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(endpoint + " without credentials: 401",
                    () -> assertThat(call(endpoint, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED)));
            if (rule.get().signedByChannel()) {
                // The request's signature is the authentication: a login opens nothing, unsigned is 401 for all.
                for (String group : ApiAuthorization.GROUPS) {
                    tests.add(DynamicTest.dynamicTest(endpoint + " as " + group + " without a signature: 401",
                            () -> assertThat(call(endpoint, USER_OF_GROUP.get(group)).getStatusCode())
                                    .as("%s as %s", endpoint, group).isEqualTo(HttpStatus.UNAUTHORIZED)));
                }
                continue;
            }
            for (String group : ApiAuthorization.GROUPS) {
                boolean allowed = rule.get().allows(group);
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + group + ": " + (allowed ? "allowed" : "403"),
                        () -> {
                            HttpStatus status = HttpStatus.valueOf(call(endpoint, USER_OF_GROUP.get(group))
                                    .getStatusCode().value());
                            if (allowed) {
                                assertThat(status).as("%s as %s", endpoint, group)
                                        .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN)
                                        .matches(answer -> !answer.is5xxServerError(), "not a server error");
                            } else {
                                assertThat(status).as("%s as %s", endpoint, group).isEqualTo(HttpStatus.FORBIDDEN);
                            }
                        }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRowOfTheMatrixIsAnEndpoint() {
        List<Endpoint> endpoints = apiEndpoints();
        assertThat(ApiAuthorization.RULES).allSatisfy(rule -> assertThat(endpoints)
                .as("an endpoint for the row %s %s", rule.method(), rule.pathPattern())
                .anyMatch(endpoint -> endpoint.method().equals(rule.method())
                        && endpoint.path().equals(rule.pathPattern())));
    }

    /** The endpoints under /api with their method and path template, e.g. {@code GET /api/products/{sku}}. */
    private List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods())
                        .as("%s names its HTTP method", mapping.getValue()).isNotEmpty();
                info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), path)));
            }
        }
        assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(30);
        return endpoints;
    }

    /** Calls the endpoint with ids that name nothing and an empty JSON body; {@code user} null sends no credentials. */
    private ResponseEntity<String> call(Endpoint endpoint, String user) {
        String path = endpoint.path().replaceAll("\\{[^}]+}", "0");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> request = new HttpEntity<>(endpoint.method() == HttpMethod.GET ? null : "{}", headers);
        TestRestTemplate caller = user == null ? http : http.withBasicAuth(user, "demo");
        return caller.exchange(path, endpoint.method(), request, String.class);
    }

    record Endpoint(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
