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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the returns domain in the Camunda 8 cluster's identity, and the demo users and the
 * administrator as on the embedded runtime (docs/adr/0005). The cluster is the one identity store in this profile:
 * Tasklist, Operate and the application's API know the same people. Only what is missing is added, once the
 * cluster answers: a user that exists already keeps its password, but gets the groups it lacks.
 *
 * <p>Camunda 8.8 requires a user's e-mail address to be valid with a real top-level domain (Apache Commons
 * {@code EmailValidator}; {@code example.invalid} is refused with 400), so the users get addresses on
 * {@code returns.camunda8.user-email-domain}. A refusal is a configuration error, reported once.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(Camunda8IdentitySetup.class);
    private static final int CONFLICT = 409;
    private static final int BAD_REQUEST = 400;
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    private final Environment environment;
    private final UntilTheClusterAnswers untilTheClusterAnswers;
    private final String emailDomain;

    Camunda8IdentitySetup(Environment environment, UntilTheClusterAnswers untilTheClusterAnswers,
                          @Value("${returns.camunda8.user-email-domain:example.com}") String emailDomain) {
        this.environment = environment;
        this.untilTheClusterAnswers = untilTheClusterAnswers;
        this.emailDomain = emailDomain;
    }

    @EventListener
    void setUpWhenConnected(CamundaClientCreatedSpringEvent event) {
        untilTheClusterAnswers.run("the groups and users", RETRY_INTERVAL, () -> setUp(event.getClient()));
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

    /** Creates the user if missing, then makes sure it is in its groups (also when it existed before). */
    private void createUser(CamundaClient client, String username, String password, List<String> groups) {
        String email = username + "@" + emailDomain;
        boolean created;
        try {
            created = ignoringExisting(() -> client.newCreateUserCommand().username(username).password(password)
                    .name(username + " (" + String.join(", ", groups) + ")").email(email)
                    .send().join());
        } catch (ProblemException e) {
            if (e.code() != BAD_REQUEST) {
                throw e;
            }
            throw new UntilTheClusterAnswers.RefusedByTheCluster("user " + username + " with e-mail " + email
                    + " was rejected (" + (e.details() == null ? e.getMessage() : e.details().getDetail())
                    + "); set returns.camunda8.user-email-domain (RETURNS_CAMUNDA8_USER_EMAIL_DOMAIN) to a domain"
                    + " with a real top-level domain, e.g. example.com, and restart", e);
        }
        List<String> added = groups.stream().filter(group -> ignoringExisting(() -> client
                .newAssignUserToGroupCommand().username(username).groupId(group).send().join())).toList();
        if (created) {
            log.info("Created user {} in groups {} in Camunda 8", username, groups);
        } else if (!added.isEmpty()) {
            log.info("Added the existing Camunda 8 user {} to groups {}", username, added);
        }
    }

    /** Runs a create or assign command; one that exists already is no failure. Tells whether something changed. */
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
