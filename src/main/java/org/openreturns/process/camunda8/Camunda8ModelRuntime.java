package org.openreturns.process.camunda8;

import java.util.ArrayList;
import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status;
import org.openreturns.process.Runtimes;
import org.openreturns.process.models.DeployedModel;
import org.openreturns.process.models.InvalidModelsException;
import org.openreturns.process.models.ModelFile;
import org.openreturns.process.models.ModelProblem;
import org.openreturns.process.models.ModelRuntime;
import org.openreturns.process.models.ModelSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Deploys the model folders to the Camunda 8 cluster when the {@link org.openreturns.process.models.ModelWatcher} sees
 * them change (the startup deployment is {@link Camunda8ModelDeployment}'s). Zeebe versions only the resources that
 * changed; running instances stay on their version. A model Zeebe rejects (HTTP 400, or gRPC INVALID_ARGUMENT) is
 * refused with Zeebe's reason.
 *
 * <p>The job workers are opened at startup for the job types of the models then: a changed model may use those and the
 * other types the application has handlers for, but a worker for a type new to the running application needs a
 * restart.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8ModelRuntime implements ModelRuntime {

    private final CamundaClient client;
    private final boolean enabled;
    private volatile List<DeployedModel> lastDeployed = List.of();

    Camunda8ModelRuntime(CamundaClient client, @Value("${returns.camunda8.deploy-models:true}") boolean enabled) {
        this.client = client;
        this.enabled = enabled;
    }

    @Override
    public boolean deploysModels() {
        return enabled;
    }

    @Override
    public void deploy(ModelSet models) {
        DeploymentEvent deployment;
        try {
            deployment = command(models.all()).send().join();
        } catch (ProblemException e) {
            if (e.code() != 400) {
                throw e;
            }
            throw rejected(e.details() == null ? e.getMessage() : e.details().getDetail(), e);
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.INVALID_ARGUMENT) {
                throw e;
            }
            throw rejected(e.getStatus().getDescription(), e);
        }
        List<DeployedModel> deployed = new ArrayList<>();
        deployment.getProcesses().forEach(process -> deployed.add(new DeployedModel("process",
                process.getBpmnProcessId(), process.getVersion(), process.getResourceName(), null)));
        deployment.getDecisions().forEach(decision -> deployed.add(new DeployedModel("decision",
                decision.getDmnDecisionId(), decision.getVersion(), null, null)));
        deployment.getForm().forEach(form -> deployed.add(new DeployedModel("form", form.getFormId(),
                form.getVersion(), form.getResourceName(), null)));
        lastDeployed = List.copyOf(deployed);
    }

    /**
     * What the last deployment from the folders answered: Zeebe names the version of every resource in it, changed
     * or not. Empty until the first deployment after startup went through.
     */
    @Override
    public List<DeployedModel> deployedModels() {
        return lastDeployed;
    }

    /** Zeebe's reason names the file and the element, e.g. "'bpmn/x.bpmn': - Element: Task ... - ERROR: ...". */
    private static InvalidModelsException rejected(String reason, RuntimeException cause) {
        return new InvalidModelsException(new ModelProblem(null, "Camunda 8 rejected the deployment: " + reason),
                cause);
    }

    private DeployResourceCommandStep2 command(List<ModelFile> files) {
        DeployResourceCommandStep1 command = client.newDeployResourceCommand();
        DeployResourceCommandStep2 withFiles = null;
        for (ModelFile file : files) {
            withFiles = withFiles == null ? command.addResourceBytes(file.content(), file.path())
                    : withFiles.addResourceBytes(file.content(), file.path());
        }
        return withFiles;
    }
}
