package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import org.junit.jupiter.api.Test;
import org.openreturns.process.models.DeployedModel;
import org.openreturns.process.models.InvalidModelsException;
import org.openreturns.process.models.ModelFile;
import org.openreturns.process.models.ModelProblem;
import org.openreturns.process.models.ModelSet;
import org.openreturns.process.models.ProjectModels;

/** A changed model folder deployed to Camunda 8 while the application runs. */
class Camunda8ModelRuntimeTest {

    private final RecordingProxy<CamundaClient> client = new RecordingProxy<>(CamundaClient.class);
    private final Camunda8ModelRuntime runtime = new Camunda8ModelRuntime(client.proxy(), true);
    private final ModelSet models = ProjectModels.files().read();

    @Test
    void theWholeSetGoesInOneDeploymentAndTheVersionsZeebeAnswersAreReported() {
        DeploymentEvent deployment = mock(DeploymentEvent.class);
        Process process = mock(Process.class);
        when(process.getBpmnProcessId()).thenReturn("return-process");
        when(process.getVersion()).thenReturn(3);
        when(process.getResourceName()).thenReturn("bpmn/return-process.bpmn");
        Decision decision = mock(Decision.class);
        when(decision.getDmnDecisionId()).thenReturn("eligibility");
        when(decision.getVersion()).thenReturn(2);
        Form form = mock(Form.class);
        when(form.getFormId()).thenReturn("inspection");
        when(form.getVersion()).thenReturn(1);
        when(form.getResourceName()).thenReturn("forms/inspection.form");
        when(deployment.getProcesses()).thenReturn(List.of(process));
        when(deployment.getDecisions()).thenReturn(List.of(decision));
        when(deployment.getForm()).thenReturn(List.of(form));
        client.answering("join", () -> deployment);

        runtime.deploy(models);

        assertThat(client.calls().stream().filter(call -> call.method().equals("newDeployResourceCommand")))
                .as("one deployment").hasSize(1);
        assertThat(client.arguments("addResourceBytes", 1))
                .containsExactlyElementsOf(models.all().stream().map(ModelFile::path).toList());
        assertThat(runtime.deployedModels()).containsExactly(
                new DeployedModel("process", "return-process", 3, "bpmn/return-process.bpmn", null),
                new DeployedModel("decision", "eligibility", 2, null, null),
                new DeployedModel("form", "inspection", 1, "forms/inspection.form", null));
    }

    @Test
    void aModelZeebeRejectsIsRefusedWithZeebesReason() {
        ProblemDetail rejection = new ProblemDetail().setDetail("'bpmn/return-process.bpmn': - Element: CloseReturn"
                + " - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element");
        client.answering("join", () -> {
            throw new ProblemException(400, "Bad Request", rejection);
        });

        assertThatThrownBy(() -> runtime.deploy(models)).isInstanceOfSatisfying(InvalidModelsException.class,
                refused -> assertThat(refused.problems()).extracting(ModelProblem::message).singleElement()
                        .asString().contains("bpmn/return-process.bpmn", "CloseReturn", "zeebe:taskDefinition"));
        assertThat(runtime.deployedModels()).isEmpty();
    }

    @Test
    void aClusterThatCannotBeReachedIsNotARefusal() {
        client.answering("join", () -> {
            throw new ProblemException(503, "Service Unavailable", new ProblemDetail());
        });

        assertThatThrownBy(() -> runtime.deploy(models)).isInstanceOf(ProblemException.class)
                .isNotInstanceOf(InvalidModelsException.class);
    }
}
