package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camunda.client.CamundaClient;
import io.camunda.client.spring.event.CamundaClientCreatedSpringEvent;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openreturns.process.camunda8.FakeOrchestrationCluster.Answer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The groups and users the application sets up in a Camunda 8 cluster, against a fake of the cluster's identity API
 * that applies Camunda 8.8's documented rules: a user's e-mail must pass Apache Commons {@code EmailValidator}
 * ({@code UserRequestValidator} of the 8.8 REST gateway; a real top-level domain, so {@code example.invalid} is 400),
 * creating what exists is 409, and so is assigning a user to a group it is in already.
 */
@ExtendWith(OutputCaptureExtension.class)
class Camunda8IdentitySetupTest {

    private static final String SET_UP_THREADS = "idsetup-";

    private final FakeOrchestrationCluster cluster = new FakeOrchestrationCluster();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> users = new ConcurrentHashMap<>();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final CamundaClient client = cluster.client();

    Camunda8IdentitySetupTest() {
        scheduler.setThreadNamePrefix(SET_UP_THREADS);
        scheduler.initialize();
        cluster.route("POST", "/v2/groups", request -> {
            String groupId = request.body().get("groupId").asText();
            return groups.add(groupId) ? Answer.json(201, Map.of("groupId", groupId, "name", groupId))
                    : Answer.problem(409, "ALREADY_EXISTS", "A group with id '" + groupId + "' already exists");
        });
        cluster.route("POST", "/v2/users", request -> {
            String username = request.body().get("username").asText();
            String email = request.body().get("email").asText();
            if (!EmailValidator.getInstance().isValid(email)) {
                return Answer.problem(400, "INVALID_ARGUMENT", "The provided email '" + email + "' is not valid.");
            }
            return users.putIfAbsent(username, ConcurrentHashMap.newKeySet()) == null
                    ? Answer.json(201, Map.of("username", username, "email", email))
                    : Answer.problem(409, "ALREADY_EXISTS", "A user with username '" + username + "' already exists");
        });
        cluster.route("PUT", "/v2/groups/([^/]+)/users/([^/]+)", request -> {
            Set<String> memberships = users.get(request.pathPart(2));
            if (memberships == null || !groups.contains(request.pathPart(1))) {
                return Answer.problem(404, "NOT_FOUND", "No such group or user");
            }
            return memberships.add(request.pathPart(1)) ? Answer.noContent()
                    : Answer.problem(409, "ALREADY_EXISTS", "The user is already assigned to the group");
        });
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
        client.close();
        cluster.close();
    }

    @Test
    void everyDemoUserIsCreatedWithAnAddressTheClusterAcceptsAndIsInItsGroups() {
        setUp("example.com");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(users).containsOnlyKeys("support1", "warehouse1", "quality1", "quality2", "finance1",
                    "manager1", "inventory1", "admin");
            assertThat(users.get("quality1")).containsExactly("quality");
            assertThat(users.get("finance1")).containsExactly("finance");
            assertThat(users.get("admin")).hasSize(7);
        });
        assertThat(cluster.requests("POST", "/v2/users")).allSatisfy(request -> assertThat(
                request.body().get("email").asText()).endsWith("@example.com"));
    }

    @Test
    void anAddressTheClusterRejectsIsReportedOnceAsAConfigurationErrorNotAsAnUnreachableCluster(
            CapturedOutput output) {
        setUp("example.invalid");

        await().atMost(Duration.ofSeconds(10)).until(() -> linesOfThisSetUp(output).contains("Camunda 8 refused"));
        assertThat(linesOfThisSetUp(output))
                .contains("user admin with e-mail admin@example.invalid was rejected")
                .contains("returns.camunda8.user-email-domain")
                .doesNotContain("not reachable");
        assertThat(cluster.requests("POST", "/v2/users")).as("set-up stops at the first refusal").hasSize(1);
    }

    @Test
    void aUserThatExistsAlreadyIsPutIntoTheGroupsItLacks() {
        users.put("quality1", ConcurrentHashMap.newKeySet());

        setUp("example.com");

        await().atMost(Duration.ofSeconds(10)).until(() -> users.get("quality1").contains("quality"));
    }

    /** The log lines of this test's set-up (by its scheduler's threads), not of an application that also runs. */
    private static String linesOfThisSetUp(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains(SET_UP_THREADS))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private void setUp(String emailDomain) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("returns.identity.admin-user", "admin")
                .withProperty("returns.identity.admin-password", "secret")
                .withProperty("returns.identity.demo-users", "true");
        new Camunda8IdentitySetup(environment, new UntilTheClusterAnswers(scheduler), emailDomain)
                .setUpWhenConnected(new CamundaClientCreatedSpringEvent(this, client));
    }
}
