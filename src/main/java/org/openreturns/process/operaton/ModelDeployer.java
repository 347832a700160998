package org.openreturns.process.operaton;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openreturns.process.Runtimes;
import org.openreturns.process.models.DeployedModel;
import org.openreturns.process.models.InvalidModelsException;
import org.openreturns.process.models.ModelFile;
import org.openreturns.process.models.ModelFiles;
import org.openreturns.process.models.ModelProblem;
import org.openreturns.process.models.ModelRuntime;
import org.openreturns.process.models.ModelSet;
import org.openreturns.process.models.ModelValidation;
import org.operaton.bpm.engine.ParseException;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.OperatonFormDefinitionEntity;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.operaton.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Deploys the Camunda 8 models of the model folders to the embedded engine: at startup, and again whenever the
 * {@link org.openreturns.process.models.ModelWatcher} sees them change.
 *
 * <p>Every file is translated in memory (the files themselves are never rewritten) and all of them go into one
 * deployment with duplicate filtering of each resource: a file that did not change keeps its version, a changed file
 * gets a new one, and running instances stay on the version they started on. Startup fails when the models do not
 * pass {@link ModelValidation}, when a file uses a construct the translator cannot run, or when the engine cannot
 * parse the result; later changes with such a problem are refused and the previous versions keep running.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class ModelDeployer implements SmartInitializingSingleton, ModelRuntime {

    static final String DEPLOYMENT_NAME = "open-returns-models";
    /** Duplicate filtering compares resources within deployments of the same name and source. */
    private static final String DEPLOYMENT_SOURCE = "bpmn/ and forms/";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final ProcessEngine processEngine;
    private final ModelFiles files;
    private final ModelValidation validation;
    private final CamundaModelTranslator translator;
    private final MessageCorrelationKeys correlationKeys;

    ModelDeployer(RepositoryService repositoryService, ProcessEngine processEngine,
                  ModelFiles files, ModelValidation validation, MessageCorrelationKeys correlationKeys,
                  @Value("${returns.process.retry-backoff}") String retryBackoff,
                  @Value("${returns.process.history-time-to-live}") String historyTimeToLive) {
        this.repositoryService = repositoryService;
        this.processEngine = processEngine;
        this.files = files;
        this.validation = validation;
        this.correlationKeys = correlationKeys;
        this.translator = new CamundaModelTranslator(retryBackoff, historyTimeToLive);
    }

    @Override
    public void afterSingletonsInstantiated() {
        ModelSet models = files.read();
        validation.requireValid(models);
        deploy(models);
    }

    @Override
    public synchronized void deploy(ModelSet models) {
        Map<String, byte[]> deployment = new LinkedHashMap<>();
        Map<String, DecisionShape> decisions = new HashMap<>();
        Map<String, String> correlationVariables = new HashMap<>();
        List<ModelProblem> problems = new ArrayList<>();
        for (ModelFile dmn : models.decisions()) {
            try {
                TranslatedDecisions translated = translator.translateDmn(dmn.path(), dmn.content());
                translated.decisions().forEach(decision -> decisions.put(decision.decisionId(), decision));
                deployment.put(dmn.path(), translated.content());
            } catch (ModelTranslationException e) {
                problems.add(new ModelProblem(dmn.path(), e.getMessage()));
            }
        }
        for (ModelFile form : models.forms()) {
            deployment.put(form.path(), form.content());
        }
        for (ModelFile bpmn : models.processes()) {
            try {
                TranslatedProcess translated = translator.translateBpmn(bpmn.path(), bpmn.content(), decisions);
                correlationVariables.putAll(translated.correlationVariableByMessageName());
                deployment.put(bpmn.path(), translated.content());
            } catch (ModelTranslationException e) {
                problems.add(new ModelProblem(bpmn.path(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelsException(problems);
        }

        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_SOURCE)
                // Only changed files get a new version; forms are bound to their latest version, so a process
                // deployed earlier finds a form deployed later.
                .enableDuplicateFiltering(true);
        deployment.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions result;
        try {
            result = builder.deployWithResult();
        } catch (ParseException e) {
            throw new InvalidModelsException(e.getResourceReports().stream()
                    .flatMap(report -> report.getErrors().stream()
                            .map(error -> new ModelProblem(report.getResourceName(), error.getMessage())))
                    .toList());
        } catch (ProcessEngineException e) {
            throw new InvalidModelsException(new ModelProblem(null, "The engine refused the deployment: "
                    + e.getMessage()), e);
        }
        correlationKeys.register(correlationVariables);
        log.info("Deployed the models from {} and {} as deployment {} ({} files; unchanged files keep their"
                + " version)", models.bpmnSource(), models.formsSource(), result.getId(), deployment.size());
    }

    @Override
    public List<DeployedModel> deployedModels() {
        Map<String, Instant> deployedAt = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .list().stream()
                .collect(Collectors.toMap(Deployment::getId, deployment -> deployment.getDeploymentTime().toInstant()));
        List<DeployedModel> models = new ArrayList<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list()
                .forEach(process -> models.add(deployed("process", process, deployedAt)));
        repositoryService.createDecisionDefinitionQuery().latestVersion().list()
                .forEach(decision -> models.add(deployed("decision", decision, deployedAt)));
        latestForms(deployedAt.keySet().stream().toList())
                .forEach(form -> models.add(deployed("form", form, deployedAt)));
        return models;
    }

    /** Operaton has no public query for form definitions: the latest of each key among the deployments given. */
    private List<OperatonFormDefinitionEntity> latestForms(List<String> deploymentIds) {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> deploymentIds.stream()
                        .flatMap(id -> context.getOperatonFormDefinitionManager().findDefinitionsByDeploymentId(id)
                                .stream())
                        .collect(Collectors.toMap(OperatonFormDefinitionEntity::getKey, Function.identity(),
                                (one, other) -> one.getVersion() >= other.getVersion() ? one : other))
                        .values().stream()
                        .sorted(Comparator.comparing(OperatonFormDefinitionEntity::getKey))
                        .toList());
    }

    private static DeployedModel deployed(String kind, ResourceDefinition definition, Map<String, Instant> deployedAt) {
        return new DeployedModel(kind, definition.getKey(), definition.getVersion(), definition.getResourceName(),
                deployedAt.get(definition.getDeploymentId()));
    }
}
