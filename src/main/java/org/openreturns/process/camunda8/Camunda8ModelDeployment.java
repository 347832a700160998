package org.openreturns.process.camunda8;

import java.time.Duration;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.spring.event.CamundaClientCreatedSpringEvent;
import org.openreturns.process.Runtimes;
import org.openreturns.process.models.ModelFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code bpmn/} and {@code forms/} unchanged to the Camunda 8 cluster, in one deployment, once the
 * starter has created its client. Zeebe versions only what changed. The cluster may start after the application (as in
 * docker-compose), so the deployment is retried in the background until the cluster accepts it; a model the
 * cluster rejects is logged with Zeebe's reason and not retried.
 *
 * <p>{@code returns.camunda8.deploy-models=false} leaves deployment to a pipeline or Camunda Modeler.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class Camunda8ModelDeployment {

    private static final Logger log = LoggerFactory.getLogger(Camunda8ModelDeployment.class);

    private final Camunda8Models models;
    private final boolean enabled;
    private final Duration retryInterval;
    private final UntilTheClusterAnswers untilTheClusterAnswers;

    Camunda8ModelDeployment(Camunda8Models models,
                            @Value("${returns.camunda8.deploy-models:true}") boolean enabled,
                            @Value("${returns.camunda8.deploy-retry-interval:PT10S}") Duration retryInterval,
                            UntilTheClusterAnswers untilTheClusterAnswers) {
        this.models = models;
        this.enabled = enabled;
        this.retryInterval = retryInterval;
        this.untilTheClusterAnswers = untilTheClusterAnswers;
    }

    @EventListener
    void deployWhenConnected(CamundaClientCreatedSpringEvent event) {
        if (!enabled) {
            log.info("Model deployment to Camunda 8 is off (returns.camunda8.deploy-models=false)");
            return;
        }
        untilTheClusterAnswers.run("the model deployment", retryInterval, () -> deploy(event.getClient()));
    }

    /** Deploys the files; a deployment that Zeebe rejects (400) is logged and not tried again. */
    private void deploy(CamundaClient client) {
        try {
            DeploymentEvent deployment = deploymentCommand(client).send().join();
            log.info("Deployed {} model files to Camunda 8 as deployment {}: {} processes, {} decisions, {} forms",
                    models.files().size(), deployment.getKey(), deployment.getProcesses().size(),
                    deployment.getDecisions().size(), deployment.getForm().size());
        } catch (ProblemException e) {
            if (e.code() != 400) {
                throw e;
            }
            log.error("Camunda 8 rejected the models of bpmn/ and forms/: {}", e.details());
        }
    }

    private DeployResourceCommandStep2 deploymentCommand(CamundaClient client) {
        DeployResourceCommandStep1 command = client.newDeployResourceCommand();
        DeployResourceCommandStep2 withFiles = null;
        for (ModelFile file : models.files()) {
            withFiles = withFiles == null ? command.addResourceBytes(file.content(), file.path())
                    : withFiles.addResourceBytes(file.content(), file.path());
        }
        return withFiles;
    }
}
