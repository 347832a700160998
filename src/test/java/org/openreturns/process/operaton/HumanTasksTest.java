package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.openreturns.ProcessTestSupport;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.process.HumanTask;
import org.openreturns.process.HumanTasks;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionDeniedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The human task port on the embedded engine with a test model in Camunda 8 form: a {@code completing} user task
 * listener refuses a completion and nothing changes, whether the model lists it before or after the
 * {@code completedByVariable} property; escalation involves another group.
 */
@ReturnsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HumanTasksTest {

    /** Approve (four eyes: not by whoever prepared it, and who approved is recorded), then Archive. */
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="four-eyes" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="test-four-eyes-%1$s" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Approve"/>
                <bpmn:userTask id="Approve" name="Approve">
                  <bpmn:extensionElements>
                    <zeebe:userTask/>
                    <zeebe:assignmentDefinition candidateGroups="quality"/>
                    %2$s
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="F2" sourceRef="Approve" targetRef="Archive"/>
                <bpmn:userTask id="Archive" name="Archive">
                  <bpmn:extensionElements>
                    <zeebe:userTask/>
                    <zeebe:assignmentDefinition candidateGroups="quality"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="F3" sourceRef="Archive" targetRef="End"/>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String LISTENERS = """
            <zeebe:taskListeners>
              <zeebe:taskListener eventType="completing" type="test-four-eyes" retries="3"/>
            </zeebe:taskListeners>""";
    private static final String PROPERTIES = """
            <zeebe:properties><zeebe:property name="completedByVariable" value="approvedBy"/></zeebe:properties>""";
    private static final Set<String> QUALITY = Set.of("quality");

    @Autowired
    HumanTasks humanTasks;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessTestSupport.PreparerMayNotComplete fourEyes;

    @BeforeAll
    void deployTestModels() {
        deploy("listeners-first", LISTENERS + PROPERTIES);
        deploy("properties-first", PROPERTIES + LISTENERS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"listeners-first", "properties-first"})
    void aDeniedCompletionChangesNothingAndAnotherUserCompletesTheTask(String variant) {
        String businessKey = start(variant);
        HumanTask approve = openTask(businessKey);

        assertThatThrownBy(() -> humanTasks.complete(approve.id(), "quality1", QUALITY, Map.of("approved", true)))
                .isInstanceOf(TaskCompletionDeniedException.class)
                .hasMessage("quality1 prepared this and may not also complete Approve");

        assertThat(humanTasks.openTasksOf(businessKey)).singleElement().satisfies(task -> {
            assertThat(task.id()).isEqualTo(approve.id());
            assertThat(task.assignee()).as("the claim was rolled back too").isNull();
        });
        assertThat(variables(businessKey)).doesNotContainKeys("approved", "approvedBy");

        humanTasks.complete(approve.id(), "quality2", QUALITY, Map.of("approved", true));

        assertThat(openTask(businessKey).elementId()).isEqualTo("Archive");
        assertThat(variables(businessKey)).containsEntry("approved", true).containsEntry("approvedBy", "quality2");
        TaskCompletion seen = fourEyes.lastSeen(businessKey).orElseThrow();
        assertThat(seen.taskElementId()).isEqualTo("Approve");
        assertThat(seen.businessKey()).isEqualTo(businessKey);
        assertThat(seen.processInstanceId()).isEqualTo(approve.processInstanceId());
        assertThat(seen.completingUser()).isEqualTo("quality2");
        assertThat(seen.variables()).as("the instance's variables and those submitted, before the user is recorded")
                .containsEntry("preparedBy", "quality1").containsEntry("lineNo", 1).containsEntry("approved", true)
                .doesNotContainKey("approvedBy");
    }

    /** Tasklist completes through the engine as the logged-in user; the check refuses it there too. */
    @Test
    void aCompletionThroughTheEngineAsInTasklistIsRefusedWithTheReason() {
        String businessKey = start("listeners-first");
        String taskId = openTask(businessKey).id();

        identityService.setAuthentication("quality1", List.copyOf(QUALITY));
        try {
            assertThatThrownBy(() -> taskService.complete(taskId, Map.of("approved", true)))
                    .hasMessageContaining("quality1 prepared this and may not also complete Approve");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(openTask(businessKey).id()).isEqualTo(taskId);
        assertThat(variables(businessKey)).doesNotContainKeys("approved", "approvedBy");
    }

    @Test
    void involvingAGroupLetsItsMembersSeeAndCompleteTheOpenTasksOnce() {
        String businessKey = start("listeners-first");

        humanTasks.involveGroup(businessKey, "manager");
        humanTasks.involveGroup(businessKey, "manager");

        HumanTask approve = openTask(businessKey);
        assertThat(approve.candidateGroups()).containsExactly("manager", "quality");
        assertThat(humanTasks.openTasksOfGroup("manager")).extracting(HumanTask::id).contains(approve.id());
        humanTasks.complete(approve.id(), "manager1", Set.of("manager"), Map.of("approved", true));
        assertThat(variables(businessKey)).containsEntry("approvedBy", "manager1");
        assertThat(openTask(businessKey).candidateGroups()).as("a later task is not escalated").containsExactly("quality");
    }

    @Test
    void involvingAGroupWhereNoTaskIsOpenDoesNothing() {
        humanTasks.involveGroup(UUID.randomUUID().toString(), "manager");
    }

    @Test
    void aTaskOfAReturnLineCarriesTheLineAndReceiptInItsContext() {
        String businessKey = start("listeners-first");

        assertThat(openTask(businessKey).context()).containsEntry("lineNo", 1).containsEntry("receiptId", "RCPT-1");
    }

    private void deploy(String variant, String extensions) {
        CamundaModelTranslator translator = new CamundaModelTranslator("PT0S", "P1D");
        String file = "test-four-eyes-" + variant + ".bpmn";
        byte[] translated = translator.translateBpmn(file, MODEL.formatted(variant, extensions).getBytes(), Map.of())
                .content();
        repositoryService.createDeployment().name("test-four-eyes")
                .addInputStream(file, new ByteArrayInputStream(translated)).deploy();
    }

    private String start(String variant) {
        String businessKey = UUID.randomUUID().toString();
        runtimeService.startProcessInstanceByKey("test-four-eyes-" + variant, businessKey,
                Map.of("preparedBy", "quality1", "lineNo", 1, "receiptId", "RCPT-1"));
        return businessKey;
    }

    private HumanTask openTask(String businessKey) {
        List<HumanTask> open = humanTasks.openTasksOf(businessKey);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private Map<String, Object> variables(String businessKey) {
        return runtimeService.getVariables(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult().getId());
    }
}
