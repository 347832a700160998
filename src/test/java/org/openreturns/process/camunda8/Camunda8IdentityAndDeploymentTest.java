package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.spring.event.CamundaClientCreatedSpringEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreturns.process.models.ModelFile;
import org.openreturns.process.models.ProjectModels;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** What the application sets up in a Camunda 8 cluster once the starter's client is ready. */
class Camunda8IdentityAndDeploymentTest {

    private final RecordingProxy<CamundaClient> client = new RecordingProxy<>(CamundaClient.class);
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    Camunda8IdentityAndDeploymentTest() {
        scheduler.initialize();
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdown();
    }

    @Test
    void theDomainGroupsAndTheDemoUsersWithTheirGroupsAreCreated() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("returns.identity.demo-users", "true")
                .withProperty("returns.identity.demo-password", "secret");

        new Camunda8IdentitySetup(environment, new UntilTheClusterAnswers(scheduler), "example.com")
                .setUpWhenConnected(new CamundaClientCreatedSpringEvent(this, client.proxy()));

        // Seven demo users in one group each, and the administrator in all seven.
        await().atMost(Duration.ofSeconds(10)).until(() -> client.calls().stream()
                .filter(call -> call.method().equals("newAssignUserToGroupCommand")).count() >= 14);
        assertThat(client.arguments("groupId", 0)).contains("support", "warehouse", "quality", "finance", "manager",
                "inventory-control", "admin");
        assertThat(client.arguments("username", 0)).contains("support1", "warehouse1", "quality1", "quality2",
                "finance1", "manager1", "inventory1", "admin");
        assertThat(client.arguments("password", 0)).containsOnly("secret");
    }

    @Test
    void everyModelFileIsDeployedUnchangedInOneDeployment() {
        Camunda8Models models = new Camunda8Models(ProjectModels.files());
        client.answering("join", () -> client.recording(DeploymentEvent.class));

        new Camunda8ModelDeployment(models, true, Duration.ofSeconds(1), new UntilTheClusterAnswers(scheduler))
                .deployWhenConnected(new CamundaClientCreatedSpringEvent(this, client.proxy()));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.call("send").isPresent());
        assertThat(client.calls().stream().filter(call -> call.method().equals("newDeployResourceCommand")))
                .as("one deployment").hasSize(1);
        assertThat(client.arguments("addResourceBytes", 1))
                .containsExactlyElementsOf(models.files().stream().map(ModelFile::path).toList())
                .contains("bpmn/return-process.bpmn", "bpmn/eligibility.dmn", "forms/inspection.form");
        assertThat(client.arguments("addResourceBytes", 0).get(0))
                .as("the file's bytes as they are").isEqualTo(models.files().get(0).content());
    }
}
