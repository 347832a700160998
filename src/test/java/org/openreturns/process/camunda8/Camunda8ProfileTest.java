package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import org.junit.jupiter.api.Test;
import org.openreturns.process.HumanTasks;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.process.ProcessVariableErasure;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with the {@code camunda8} profile, on a real PostgreSQL but with no cluster to reach (there is no
 * Docker here): the embedded engine does not start, every port is served by its Camunda 8 adapter, and a job worker
 * is open for every service task type and every user task listener type in {@code bpmn/}, read from the files
 * independently of the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "returns.camunda8.deploy-models=false",
        // Nothing listens here; the workers' polls fail quietly in the background.
        "camunda.client.rest-address=http://localhost:9",
        "camunda.client.grpc-address=http://localhost:9",
        "logging.level.io.camunda.client.job.poller=ERROR"})
@ActiveProfiles({"test", "camunda8"})
class Camunda8ProfileTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Camunda8JobWorkers workers;

    @Autowired
    TestRestTemplate http;

    @Test
    void theEmbeddedEngineDoesNotStartAndTheClientDoes() {
        assertThat(context.getBeanNamesForType(ProcessEngine.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CamundaClient.class)).hasSize(1);
        assertThat(context.getBean(ProcessRuntime.class)).isInstanceOf(Camunda8ProcessRuntime.class);
        assertThat(context.getBean(HumanTasks.class)).isInstanceOf(Camunda8HumanTasks.class);
        assertThat(context.getBean(AuthenticationProvider.class)).isInstanceOf(Camunda8UserAuthentication.class);
        assertThat(context.getBean(ProcessVariableErasure.class)).isInstanceOf(Camunda8VariableErasure.class);
    }

    @Test
    void aWorkerIsOpenForEveryTaskTypeAndListenerTypeOfTheModels() throws IOException {
        Set<String> jobTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(task -> jobTypes.add(task.getType()));
                model.getModelElementsByType(ZeebeTaskListener.class).forEach(listener -> jobTypes.add(listener.getType()));
                model.getModelElementsByType(ZeebeExecutionListener.class)
                        .forEach(listener -> jobTypes.add(listener.getType()));
            }
        }

        assertThat(jobTypes).contains("classify-return-reason", "check-reviewed-reason", "apply-eligibility",
                "record-inspection", "release-refunds", "check-four-eyes",
                "run-reconciliation", "resolve-unexpected-parcel", "describe-inspection-task",
                "describe-unexpected-parcel-task");
        assertThat(workers.isOpen()).isTrue();
        assertThat(workers.openJobTypes()).isEqualTo(jobTypes);
    }

    @Test
    void whileTheClustersIdentityDoesNotAnswerTheApiSaysSoInsteadOfRefusingThePassword() {
        ResponseEntity<String> response = http.withBasicAuth("quality1", "demo")
                .getForEntity("/api/tasks?group=quality", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody()).contains("identity service does not answer");
    }
}
