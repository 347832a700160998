package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cmd.GetOperatonFormDefinitionCmd;
import org.operaton.bpm.engine.impl.form.OperatonFormRefImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.dmn.Dmn;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.process.StepHandlers;
import org.openreturns.process.TaskCompletionChecks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every model in {@code bpmn/} runs on the embedded engine: it translates, Operaton parses the result, every task
 * type has a step handler, every user task listener type has a completion check, and deploying unchanged models
 * again creates no new version.
 */
@ReturnsIntegrationTest
class OperatonModelTest {

    @Autowired
    StepHandlers stepHandlers;
    @Autowired
    TaskCompletionChecks completionChecks;
    @Autowired
    ModelDeployer deployer;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    HistoryService historyService;

    private final CamundaModelTranslator translator = new CamundaModelTranslator("PT10S", "P180D");

    @Test
    void everyModelTranslatesAndParsesOnOperatonAndEveryTaskAndListenerTypeHasAHandler() throws IOException {
        Map<String, DecisionShape> decisions = new HashMap<>();
        for (Path dmn : files("bpmn", ".dmn")) {
            TranslatedDecisions translated = translator.translateDmn(dmn.toString(), Files.readAllBytes(dmn));
            Dmn.readModelFromStream(new ByteArrayInputStream(translated.content()));
            translated.decisions().forEach(decision -> decisions.put(decision.decisionId(), decision));
        }
        List<Path> processes = files("bpmn", ".bpmn");
        assertThat(processes).isNotEmpty();
        for (Path bpmn : processes) {
            TranslatedProcess translated =
                    translator.translateBpmn(bpmn.toString(), Files.readAllBytes(bpmn), decisions);
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translated.content()));
            Bpmn.validateModel(model);
            assertThat(stepHandlers.taskTypes()).as("task types of %s with a handler", bpmn)
                    .containsAll(translated.taskTypes());
            assertThat(completionChecks.types()).as("user task listener types of %s with a check", bpmn)
                    .containsAll(translated.listenerTypes());
        }
    }

    @Test
    void everyFormIsDeployedUnderItsId() throws IOException {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        List<Path> forms = files("forms", ".form");
        assertThat(forms).isNotEmpty();
        for (Path form : forms) {
            String formId = new ObjectMapper().readTree(form.toFile()).path("id").asText();
            // How the engine resolves a user task's formRef; Operaton has no public query for form definitions.
            assertThat(commands.execute(new GetOperatonFormDefinitionCmd(new OperatonFormRefImpl(formId, "latest"),
                    null))).as("the deployed form definition of %s", form).isNotNull();
        }
    }

    @Test
    void historyPastItsTimeToLiveIsCleanedUpEveryNight() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("return-process")
                .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(180);
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        // The engine schedules its cleanup job at startup only when a window is set.
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void deployingUnchangedModelsAgainCreatesNoNewVersion() {
        long deployments = repositoryService.createDeploymentQuery()
                .deploymentName(ModelDeployer.DEPLOYMENT_NAME).count();
        int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("return-process")
                .latestVersion().singleResult().getVersion();

        deployer.afterSingletonsInstantiated();

        assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count())
                .isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("return-process")
                .latestVersion().singleResult().getVersion()).isEqualTo(version);
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(folder))) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
