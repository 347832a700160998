package org.openreturns.process.camunda8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.spring.event.CamundaClientCreatedSpringEvent;
import org.openreturns.process.Runtimes;
import org.openreturns.process.WorkGroups;
import org.openreturns.system.DemoSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the returns domain in the Camunda 8 cluster's identity, and the demo users and the
 * administrator as on the embedded runtime (docs/adr/0005). The cluster is the one identity store in this profile:
 * Tasklist, Operate and the application's API know the same people. Only what is missing is added, once the
 * cluster answers.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(Camunda8IdentitySetup.class);
    private static final int CONFLICT = 409;
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    private final Environment environment;

    Camunda8IdentitySetup(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void setUpWhenConnected(CamundaClientCreatedSpringEvent event) {
        UntilTheClusterAnswers.run("camunda8-identity-setup", "the groups and users", RETRY_INTERVAL,
                () -> setUp(event.getClient()));
    }

    private void setUp(CamundaClient client) {
        WorkGroups.DOMAIN_GROUPS.forEach(group -> createGroup(client, group));
        String adminUser = environment.getProperty("returns.identity.admin-user", "");
        String adminPassword = environment.getProperty("returns.identity.admin-password", "");
        if (!adminUser.isBlank() && !adminPassword.isBlank()) {
            createUser(client, adminUser, adminPassword, WorkGroups.DOMAIN_GROUPS);
        }
        if (DemoSetting.isOn(environment, "returns.identity.demo-users")) {
            String password = environment.getProperty("returns.identity.demo-password", "demo");
            WorkGroups.DEMO_USERS.forEach((user, groups) -> createUser(client, user, password, groups));
            createUser(client, "admin", password, new ArrayList<>(WorkGroups.DOMAIN_GROUPS));
        }
    }

    private static void createGroup(CamundaClient client, String groupId) {
        ignoringExisting(() -> client.newCreateGroupCommand().groupId(groupId).name(groupId).send().join());
    }

    private static void createUser(CamundaClient client, String username, String password, List<String> groups) {
        boolean created = ignoringExisting(() -> client.newCreateUserCommand().username(username).password(password)
                .name(username + " (" + String.join(", ", groups) + ")").email(username + "@example.invalid")
                .send().join());
        if (created) {
            groups.forEach(group -> ignoringExisting(() -> client.newAssignUserToGroupCommand().username(username)
                    .groupId(group).send().join()));
            log.info("Created user {} in groups {} in Camunda 8", username, groups);
        }
    }

    /** Runs a create command; one that exists already is no failure. Tells whether something was created. */
    private static boolean ignoringExisting(Runnable command) {
        try {
            command.run();
            return true;
        } catch (ProblemException e) {
            if (e.code() == CONFLICT) {
                return false;
            }
            throw e;
        }
    }
}
