package org.openreturns.process.operaton;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openreturns.process.ModelFiles.ModelFile;
import org.openreturns.process.ModelFiles;
import org.openreturns.process.Runtimes;
import org.openreturns.process.StepHandlers;
import org.openreturns.process.TaskCompletionChecks;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the Camunda 8 models of {@code bpmn/} and {@code forms/} to the embedded engine at startup.
 *
 * <p>Every file is translated in memory (the files themselves are never rewritten) and all of them go into one
 * deployment with duplicate filtering: when nothing changed, no new version is created. Startup fails when a file
 * uses a construct the translator cannot run, when a model refers to a form or decision that does not exist, or
 * when a task type has no step handler.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class ModelDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "open-returns-models";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resources;
    private final StepHandlers stepHandlers;
    private final TaskCompletionChecks completionChecks;
    private final CamundaModelTranslator translator;
    private final MessageCorrelationKeys correlationKeys;

    ModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resources, StepHandlers stepHandlers,
                  TaskCompletionChecks completionChecks, MessageCorrelationKeys correlationKeys,
                  @Value("${returns.process.retry-backoff}") String retryBackoff,
                  @Value("${returns.process.history-time-to-live}") String historyTimeToLive) {
        this.repositoryService = repositoryService;
        this.resources = resources;
        this.stepHandlers = stepHandlers;
        this.completionChecks = completionChecks;
        this.correlationKeys = correlationKeys;
        this.translator = new CamundaModelTranslator(retryBackoff, historyTimeToLive);
    }

    @Override
    public void afterSingletonsInstantiated() {
        deploy();
    }

    private void deploy() {
        Map<String, byte[]> deployment = new LinkedHashMap<>();
        Map<String, DecisionShape> decisions = new HashMap<>();
        for (ModelFile dmn : ModelFiles.decisions(resources)) {
            TranslatedDecisions translated = translator.translateDmn(dmn.path(), dmn.content());
            translated.decisions().forEach(decision -> decisions.put(decision.decisionId(), decision));
            deployment.put(dmn.path(), translated.content());
        }
        Set<String> formIds = new TreeSet<>();
        for (ModelFile form : ModelFiles.forms(resources)) {
            formIds.add(FormFiles.formId(form.path(), form.content()));
            deployment.put(form.path(), form.content());
        }
        Set<String> taskTypes = new TreeSet<>();
        Set<String> listenerTypes = new TreeSet<>();
        for (ModelFile bpmn : ModelFiles.processes(resources)) {
            TranslatedProcess translated = translator.translateBpmn(bpmn.path(), bpmn.content(), decisions);
            Set<String> missingForms = new TreeSet<>(translated.formIds());
            missingForms.removeAll(formIds);
            if (!missingForms.isEmpty()) {
                throw new ModelTranslationException(bpmn.path() + " refers to forms that no file in forms/ defines: "
                        + missingForms);
            }
            taskTypes.addAll(translated.taskTypes());
            listenerTypes.addAll(translated.listenerTypes());
            correlationKeys.register(translated.correlationVariableByMessageName());
            deployment.put(bpmn.path(), translated.content());
        }
        stepHandlers.requireHandlersFor(taskTypes);
        completionChecks.requireChecksFor(listenerTypes);

        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("bpmn/ and forms/")
                // Redeploy everything when anything changed, so a process always finds its forms in its deployment.
                .enableDuplicateFiltering(false);
        deployment.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions result = builder.deployWithResult();
        int processes = result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size();
        if (processes == 0 && (result.getDeployedDecisionDefinitions() == null
                || result.getDeployedDecisionDefinitions().isEmpty())) {
            log.info("The {} model files are unchanged since deployment {}: no new versions", deployment.size(),
                    result.getId());
        } else {
            log.info("Deployed {} model files as deployment {}: new versions of every process and decision",
                    deployment.size(), result.getId());
        }
        log.info("Step handlers cover the task types of the models: {}", taskTypes);
    }
}
