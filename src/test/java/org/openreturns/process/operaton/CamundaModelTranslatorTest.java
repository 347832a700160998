package org.openreturns.process.operaton;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.BusinessRuleTask;
import org.operaton.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.operaton.bpm.model.bpmn.instance.Message;
import org.operaton.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.operaton.bpm.model.bpmn.instance.MessageEventDefinition;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.TimerEventDefinition;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonExecutionListener;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonFailedJobRetryTimeCycle;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputOutput;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputParameter;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperties;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperty;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonTaskListener;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.InputExpression;
import org.operaton.bpm.model.dmn.instance.Output;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;

class CamundaModelTranslatorTest {

    private static final String FILE = "bpmn/return-process.bpmn";

    private final CamundaModelTranslator translator = new CamundaModelTranslator("PT10S", "P180D");

    // --- processes and service tasks -----------------------------------------------------------------------------

    @Test
    void processGetsTheHistoryTimeToLiveAndItsVersionTag() {
        String model = bpmn("", """
                <bpmn:process id="return-process" isExecutable="true">
                  <bpmn:extensionElements><zeebe:versionTag value="2.1" /></bpmn:extensionElements>
                </bpmn:process>
                <bpmn:process id="customer" isExecutable="false" />
                """);

        TranslatedProcess translated = translate(model);

        Process process = element(translated, "return-process");
        assertThat(process.getOperatonHistoryTimeToLiveString()).isEqualTo("P180D");
        assertThat(process.getOperatonVersionTag()).isEqualTo("2.1");
        assertThat(process.getExtensionElements()).as("left empty, so removed").isNull();
        assertThat(translated.processIds()).as("executable processes only").containsExactly("return-process");
    }

    @Test
    void serviceTaskRunsThroughTheStepHandlerDelegateWithTheModelsRetries() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements><zeebe:taskDefinition type="ship-parcel" retries="5" /></bpmn:extensionElements>
                </bpmn:serviceTask>
                """));

        ServiceTask task = element(translated, "ship");
        assertThat(task.getOperatonDelegateExpression()).isEqualTo("${stepHandlerDelegate.forTaskType('ship-parcel')}");
        assertThat(task.isOperatonAsyncBefore()).isTrue();
        assertThat(extension(task, OperatonFailedJobRetryTimeCycle.class).getTextContent()).isEqualTo("R5/PT10S");
        assertThat(translated.taskTypes()).containsExactly("ship-parcel");
    }

    @Test
    void serviceTaskWithoutRetriesGetsZeebesDefaultOfThreeAttempts() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements><zeebe:taskDefinition type="ship-parcel" /></bpmn:extensionElements>
                </bpmn:serviceTask>
                """));

        ServiceTask task = element(translated, "ship");
        assertThat(extension(task, OperatonFailedJobRetryTimeCycle.class).getTextContent()).isEqualTo("R3/PT10S");
    }

    @Test
    void sendTaskAndJobWorkerBusinessRuleTaskRunThroughTheStepHandlerDelegateToo() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:sendTask id="notify">
                  <bpmn:extensionElements><zeebe:taskDefinition type="notify-customer" /></bpmn:extensionElements>
                </bpmn:sendTask>
                <bpmn:businessRuleTask id="score">
                  <bpmn:extensionElements><zeebe:taskDefinition type="score-fraud" /></bpmn:extensionElements>
                </bpmn:businessRuleTask>
                """));

        assertThat(text(translated))
                .contains("operaton:delegateExpression=\"${stepHandlerDelegate.forTaskType('notify-customer')}\"")
                .contains("operaton:delegateExpression=\"${stepHandlerDelegate.forTaskType('score-fraud')}\"");
        BusinessRuleTask score = element(translated, "score");
        assertThat(score.getOperatonDelegateExpression()).isEqualTo("${stepHandlerDelegate.forTaskType('score-fraud')}");
        assertThat(translated.taskTypes()).containsExactlyInAnyOrder("notify-customer", "score-fraud");
    }

    @Test
    void scriptTaskWithATaskDefinitionBecomesAServiceTaskBecauseOperatonScriptTasksCannotCallADelegate() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:scriptTask id="label">
                  <bpmn:extensionElements><zeebe:taskDefinition type="print-label" /></bpmn:extensionElements>
                </bpmn:scriptTask>
                """));

        ServiceTask task = element(translated, "label");
        assertThat(task.getOperatonDelegateExpression()).isEqualTo("${stepHandlerDelegate.forTaskType('print-label')}");
        assertThat(task.isOperatonAsyncBefore()).isTrue();
    }

    @Test
    void serviceTaskWithoutTaskDefinitionFails() {
        assertRejected(bpmn("<bpmn:serviceTask id=\"ship\" />"), "'ship'", "zeebe:taskDefinition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=taskType", "ship parcel", "ship')}${x"})
    void taskTypeThatIsAnExpressionOrHasOtherCharactersFails(String type) {
        assertRejected(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements><zeebe:taskDefinition type="%s" /></bpmn:extensionElements>
                </bpmn:serviceTask>
                """.formatted(type)), "'ship'", "task type", type);
    }

    @Test
    void retriesThatAreNotAPositiveNumberFail() {
        assertRejected(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements><zeebe:taskDefinition type="ship-parcel" retries="=attempts" /></bpmn:extensionElements>
                </bpmn:serviceTask>
                """), "'ship'", "retries", "=attempts");
    }

    // --- user tasks ----------------------------------------------------------------------------------------------

    @Test
    void userTaskGetsItsLinkedFormAndAssignment() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:formDefinition formId="inspection-form" />
                    <zeebe:assignmentDefinition assignee="=inspector" candidateGroups="warehouse, quality" candidateUsers="ann" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        UserTask task = element(translated, "inspect");
        assertThat(task.getOperatonFormRef()).isEqualTo("inspection-form");
        assertThat(task.getOperatonFormRefBinding()).isEqualTo("latest");
        assertThat(task.getOperatonAssignee()).isEqualTo("${inspector}");
        assertThat(task.getOperatonCandidateGroups()).isEqualTo("warehouse, quality");
        assertThat(task.getOperatonCandidateUsers()).isEqualTo("ann");
        assertThat(task.getExtensionElements()).as("left empty, so removed").isNull();
        assertThat(translated.formIds()).containsExactly("inspection-form");
    }

    @Test
    void userTaskKeepsTheDeploymentFormBinding() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:formDefinition formId="inspection-form" bindingType="deployment" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        UserTask task = element(translated, "inspect");
        assertThat(task.getOperatonFormRefBinding()).isEqualTo("deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "formKey=\"camunda-forms:bpmn:UserTaskForm_1\"",
            "externalReference=\"https://forms.example.com/inspect\"",
            "formId=\"inspection-form\" bindingType=\"versionTag\" versionTag=\"v1\""})
    void userTaskFormThatIsNotALinkedFormBoundToLatestOrDeploymentFails(String formAttributes) {
        assertRejected(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:formDefinition %s />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """.formatted(formAttributes)), "'inspect'", "zeebe:formDefinition");
    }

    @Test
    void assignmentWithAFeelExpressionOtherThanAVariableFails() {
        assertRejected(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:assignmentDefinition candidateGroups="=[&quot;warehouse&quot;, region]" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """), "'inspect'", "candidateGroups", "=[\"warehouse\", region]");
    }

    @Test
    void jobWorkerUserTaskFails() {
        assertRejected(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements><zeebe:formDefinition formId="inspection-form" /></bpmn:extensionElements>
                </bpmn:userTask>
                """), "'inspect'", "job-worker user task", "zeebe:userTask");
    }

    @Test
    void completedByVariablePropertyRecordsTheCompletingUserThroughATaskListener() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="approve">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:properties><zeebe:property name="completedByVariable" value="approvedBy" /></zeebe:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        UserTask task = element(translated, "approve");
        OperatonTaskListener listener = extension(task, OperatonTaskListener.class);
        assertThat(listener.getOperatonEvent()).isEqualTo("complete");
        assertThat(listener.getOperatonDelegateExpression())
                .isEqualTo("${humanTaskCompletion.recordUserIn('approvedBy')}");
        assertThat(extension(task, OperatonProperties.class).getOperatonProperties())
                .extracting(OperatonProperty::getOperatonName, OperatonProperty::getOperatonValue)
                .containsExactly(tuple("completedByVariable", "approvedBy"));
    }

    @Test
    void completingTaskListenerBecomesACompleteListenerRunningTheCheckOfItsType() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="approve">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:taskListeners>
                      <zeebe:taskListener eventType="completing" type="check-four-eyes" retries="3" />
                    </zeebe:taskListeners>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        OperatonTaskListener listener = extension(element(translated, "approve"), OperatonTaskListener.class);
        assertThat(listener.getOperatonEvent()).isEqualTo("complete");
        assertThat(listener.getOperatonDelegateExpression())
                .isEqualTo("${userTaskListeners.forType('check-four-eyes')}");
        assertThat(translated.listenerTypes()).containsExactly("check-four-eyes");
        assertThat(text(translated)).doesNotContain("zeebe:taskListener");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"listeners first", "properties first"})
    void completionChecksRunBeforeTheCompletingUserIsRecordedWhateverTheOrderInTheFile(String order) {
        String properties = "<zeebe:properties><zeebe:property name=\"completedByVariable\" value=\"approvedBy\" />"
                + "</zeebe:properties>";
        String listeners = "<zeebe:taskListeners><zeebe:taskListener eventType=\"completing\" type=\"check-four-eyes\""
                + " /></zeebe:taskListeners>";
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="approve">
                  <bpmn:extensionElements><zeebe:userTask />%s</bpmn:extensionElements>
                </bpmn:userTask>
                """.formatted(order.startsWith("listeners") ? listeners + properties : properties + listeners)));

        UserTask task = element(translated, "approve");
        assertThat(task.getExtensionElements().getElementsQuery().filterByType(OperatonTaskListener.class).list())
                .extracting(OperatonTaskListener::getOperatonDelegateExpression)
                .containsExactly("${userTaskListeners.forType('check-four-eyes')}",
                        "${humanTaskCompletion.recordUserIn('approvedBy')}");
    }

    @Test
    void dueDateFollowUpDateAndPriorityComeFromTheVariablesTheModelNames() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:taskSchedule dueDate="=taskDueDate" followUpDate="2026-12-01T09:00:00Z" />
                    <zeebe:priorityDefinition priority="=taskPriority" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        UserTask task = element(translated, "inspect");
        assertThat(task.getOperatonDueDate()).isEqualTo("${taskDueDate}");
        assertThat(task.getOperatonFollowUpDate()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(task.getOperatonPriority()).isEqualTo("${taskPriority}");
    }

    @Test
    void priorityWithAFeelExpressionOtherThanAVariableFails() {
        assertRejected(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:priorityDefinition priority="=if urgent then 90 else 50" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """), "'inspect'", "zeebe:priorityDefinition priority", "only a literal or =variableName");
    }

    @Test
    void executionListenerOfAUserTaskRunsTheStepHandlerOfItsTypeAsTheTaskStarts() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:executionListeners>
                      <zeebe:executionListener eventType="start" type="describe-inspection" retries="3" />
                    </zeebe:executionListeners>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        OperatonExecutionListener listener = extension(element(translated, "inspect"),
                OperatonExecutionListener.class);
        assertThat(listener.getOperatonEvent()).isEqualTo("start");
        assertThat(listener.getOperatonDelegateExpression())
                .isEqualTo("${stepHandlerDelegate.forTaskType('describe-inspection')}");
        assertThat(translated.taskTypes()).as("served like a service task's type").containsExactly(
                "describe-inspection");
    }

    @Test
    void titleVariableNamesTheTaskWhenItIsCreatedAndTheDiagramKeepsTheElementName() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:userTask id="inspect" name="Inspect line">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:properties><zeebe:property name="titleVariable" value="taskTitle" /></zeebe:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));

        UserTask task = element(translated, "inspect");
        assertThat(task.getName()).isEqualTo("Inspect line");
        OperatonTaskListener listener = extension(task, OperatonTaskListener.class);
        assertThat(listener.getOperatonEvent()).isEqualTo("create");
        assertThat(listener.getOperatonExpression()).isEqualTo(
                "${execution.hasVariable('taskTitle') ? task.setName(execution.getVariable('taskTitle')) : null}");
    }

    @Test
    void taskListenersOnOtherEventsAreRefusedNamingTheEvent() {
        assertRejected(bpmn("""
                <bpmn:userTask id="approve">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:taskListeners>
                      <zeebe:taskListener eventType="assigning" type="notify-assignee" />
                    </zeebe:taskListeners>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """), "'approve'", "'assigning'", "only 'completing'");
    }

    // --- business rule tasks -------------------------------------------------------------------------------------

    static Stream<Arguments> decisionResultShapes() {
        return Stream.of(
                Arguments.of(new DecisionShape("route", "UNIQUE", false, 1), "singleEntry"),
                Arguments.of(new DecisionShape("route", "FIRST", false, 1), "singleEntry"),
                Arguments.of(new DecisionShape("route", "ANY", false, 3), "singleResult"),
                Arguments.of(new DecisionShape("route", "PRIORITY", false, 2), "singleResult"),
                Arguments.of(new DecisionShape("route", "COLLECT", true, 1), "singleEntry"),
                Arguments.of(new DecisionShape("route", "COLLECT", false, 1), "collectEntries"),
                Arguments.of(new DecisionShape("route", "COLLECT", false, 2), "resultList"),
                Arguments.of(new DecisionShape("route", "RULE ORDER", false, 1), "resultList"),
                Arguments.of(new DecisionShape("route", "OUTPUT ORDER", false, 2), "resultList"));
    }

    @ParameterizedTest
    @MethodSource("decisionResultShapes")
    void businessRuleTaskHandsOverTheDecisionResultInZeebesShape(DecisionShape decision, String mapDecisionResult) {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:businessRuleTask id="decide">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="route" resultVariable="routing" />
                  </bpmn:extensionElements>
                </bpmn:businessRuleTask>
                """), Map.of("route", decision));

        BusinessRuleTask task = element(translated, "decide");
        assertThat(task.getOperatonDecisionRef()).isEqualTo("route");
        assertThat(task.getOperatonDecisionRefBinding()).isEqualTo("latest");
        assertThat(task.getOperatonResultVariable()).isEqualTo("routing");
        assertThat(task.getOperatonMapDecisionResult()).isEqualTo(mapDecisionResult);
        assertThat(translated.decisionIds()).containsExactly("route");
    }

    @Test
    void businessRuleTaskCallingAnUnknownDecisionFails() {
        assertRejected(bpmn("""
                <bpmn:businessRuleTask id="decide">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="routte" resultVariable="routing" />
                  </bpmn:extensionElements>
                </bpmn:businessRuleTask>
                """), "'decide'", "'routte'", "no DMN file");
    }

    @Test
    void businessRuleTaskCallingADecisionGivenByAnExpressionFails() {
        assertRejected(bpmn("""
                <bpmn:businessRuleTask id="decide">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="=decisionName" resultVariable="routing" />
                  </bpmn:extensionElements>
                </bpmn:businessRuleTask>
                """), "'decide'", "=decisionName");
    }

    // --- multi-instance and input mappings ------------------------------------------------------------------------

    @Test
    void multiInstanceBusinessRuleTaskDecidesEachElementAndCollectsTheResultsAsJsonText() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:businessRuleTask id="decide">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="route" resultVariable="lineRoute" />
                    <zeebe:ioMapping>
                      <zeebe:input source="=line.grade" target="grade" />
                      <zeebe:input source="= line" target="wholeLine" />
                    </zeebe:ioMapping>
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics>
                    <bpmn:extensionElements>
                      <zeebe:loopCharacteristics inputCollection="=routeInputs" inputElement="line"
                          outputCollection="routeResults" outputElement="=lineRoute" />
                    </bpmn:extensionElements>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:businessRuleTask>
                """), Map.of("route", new DecisionShape("route", "FIRST", false, 2)));

        BusinessRuleTask task = element(translated, "decide");
        assertThat(task.getOperatonDecisionRef()).isEqualTo("route");
        assertThat(task.getOperatonResultVariable()).as("no result variable: a record would be Java-serialized")
                .isNull();
        MultiInstanceLoopCharacteristics loop = (MultiInstanceLoopCharacteristics) task.getLoopCharacteristics();
        assertThat(loop.getOperatonCollection())
                .isEqualTo("${multiInstanceVariables.elements(execution, 'routeInputs')}");
        assertThat(loop.getOperatonElementVariable()).isEqualTo("line");
        assertThat(loop.isSequential()).isFalse();
        assertThat(extension(task, OperatonInputOutput.class).getOperatonInputParameters())
                .extracting(OperatonInputParameter::getOperatonName, OperatonInputParameter::getTextContent)
                .containsExactly(tuple("grade", "${line.grade}"), tuple("wholeLine", "${line}"));
        OperatonExecutionListener collect = extension(task, OperatonExecutionListener.class);
        assertThat(collect.getOperatonEvent()).isEqualTo("end");
        assertThat(collect.getOperatonExpression()).isEqualTo(
                "${multiInstanceVariables.collectDecisionResult(execution, 'routeResults', 'singleResult')}");
        assertThat(text(translated)).doesNotContain("<zeebe:");
    }

    @Test
    void multiInstanceServiceTaskRunsOncePerElementWithoutAnOutputCollection() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements><zeebe:taskDefinition type="ship-parcel" /></bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                    <bpmn:extensionElements>
                      <zeebe:loopCharacteristics inputCollection="=parcels" inputElement="parcel" />
                    </bpmn:extensionElements>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:serviceTask>
                """));

        ServiceTask task = element(translated, "ship");
        MultiInstanceLoopCharacteristics loop = (MultiInstanceLoopCharacteristics) task.getLoopCharacteristics();
        assertThat(loop.getOperatonCollection()).isEqualTo("${multiInstanceVariables.elements(execution, 'parcels')}");
        assertThat(loop.getOperatonElementVariable()).isEqualTo("parcel");
        assertThat(loop.isSequential()).isTrue();
    }

    static Stream<Arguments> untranslatedMultiInstances() {
        return Stream.of(
                Arguments.of("an input collection that is not a variable", """
                        <zeebe:loopCharacteristics inputCollection="=for n in 1..3 return n" inputElement="line" />
                        """, "", "'=for n in 1..3 return n'", "inputCollection"),
                Arguments.of("an output element other than the decision's result variable", """
                        <zeebe:loopCharacteristics inputCollection="=lines" inputElement="line"
                            outputCollection="results" outputElement="=line.grade" />
                        """, "", "'=line.grade'", "result variable"),
                Arguments.of("a completion condition", """
                        <zeebe:loopCharacteristics inputCollection="=lines" inputElement="line" />
                        """, "<bpmn:completionCondition>=done</bpmn:completionCondition>", "completion condition",
                        "only an input"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untranslatedMultiInstances")
    void multiInstanceBeyondCollectionsOfVariablesAndDecisionResultsFails(String description, String characteristics,
                                                                         String more, String expected1,
                                                                         String expected2) {
        assertRejected(bpmn("""
                <bpmn:businessRuleTask id="decide">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="refund-route" resultVariable="lineRoute" />
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics>
                    <bpmn:extensionElements>
                """ + characteristics + """
                    </bpmn:extensionElements>
                """ + more + """
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:businessRuleTask>
                """), "'decide'", expected1, expected2);
    }

    @Test
    void inputMappingOtherThanAVariableOrAPathFails() {
        assertRejected(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="ship-parcel" />
                    <zeebe:ioMapping><zeebe:input source="=weight * 2" target="doubled" /></zeebe:ioMapping>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """), "'ship'", "'=weight * 2'", "=variable.field");
    }

    // --- conditions, timers, messages, properties ----------------------------------------------------------------

    @Test
    void feelConditionIsEvaluatedByTheFeelScriptEngine() {
        TranslatedProcess translated = translate(bpmn(gateway("""
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= refundAmount &gt; 100</bpmn:conditionExpression>
                """)));

        SequenceFlow flow = element(translated, "large");
        assertThat(flow.getConditionExpression().getLanguage()).isEqualTo("feel");
        assertThat(flow.getConditionExpression().getTextContent()).isEqualTo("refundAmount > 100");
    }

    @Test
    void conditionThatIsNotFeelFails() {
        assertRejected(bpmn(gateway("""
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${refundAmount > 100}</bpmn:conditionExpression>
                """)), "'large'", "${refundAmount > 100}", "FEEL");
    }

    @Test
    void timerWithAnIsoLiteralIsUnchangedAndAVariableBecomesAnExpression() {
        TranslatedProcess translated = translate(bpmn(
                timer("wait-for-parcel", "timeDuration", "P14D") + timer("remind", "timeCycle", "=reminderCycle")));

        assertThat(timerDefinition(translated, "wait-for-parcel").getTimeDuration().getTextContent()).isEqualTo("P14D");
        assertThat(timerDefinition(translated, "remind").getTimeCycle().getTextContent()).isEqualTo("${reminderCycle}");
    }

    @Test
    void timerWithAFeelExpressionOtherThanAVariableFails() {
        assertRejected(bpmn(timer("remind", "timeDate", "=now() + duration(\"P1D\")")),
                "'remind'", "bpmn:timeDate", "now()");
    }

    @Test
    void messageSubscriptionBecomesTheCorrelationVariableOfItsMessageName() {
        TranslatedProcess translated = translate(bpmn(parcelArrives(), """
                <bpmn:message id="parcel-arrived" name="parcel-arrived">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="=returnId" /></bpmn:extensionElements>
                </bpmn:message>
                """));

        assertThat(translated.correlationVariableByMessageName()).containsExactly(Map.entry("parcel-arrived", "returnId"));
        Message message = element(translated, "parcel-arrived");
        assertThat(message.getName()).isEqualTo("parcel-arrived");
        assertThat(message.getExtensionElements()).isNull();
    }

    @Test
    void correlationKeyThatIsNotAVariableFails() {
        assertRejected(bpmn(parcelArrives(), """
                <bpmn:message id="parcel-arrived" name="parcel-arrived">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="=order.id" /></bpmn:extensionElements>
                </bpmn:message>
                """), "'parcel-arrived'", "=order.id");
    }

    @Test
    void messageNameThatIsAnExpressionFails() {
        assertRejected(bpmn(parcelArrives(), """
                <bpmn:message id="parcel-arrived" name="=messageName">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="=returnId" /></bpmn:extensionElements>
                </bpmn:message>
                """), "'parcel-arrived'", "=messageName");
    }

    @Test
    void zeebePropertiesBecomeOperatonProperties() {
        TranslatedProcess translated = translate(bpmn("""
                <bpmn:serviceTask id="ship">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="ship-parcel" />
                    <zeebe:properties>
                      <zeebe:property name="carrier" value="dhl" />
                      <zeebe:property name="sla" value="P2D" />
                    </zeebe:properties>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """));

        ServiceTask task = element(translated, "ship");
        assertThat(extension(task, OperatonProperties.class).getOperatonProperties())
                .extracting(OperatonProperty::getOperatonName, OperatonProperty::getOperatonValue)
                .containsExactly(tuple("carrier", "dhl"),
                        tuple("sla", "P2D"));
    }

    // --- what is not translated ----------------------------------------------------------------------------------

    static Stream<Arguments> untranslatedConstructs() {
        String ship = """
                <bpmn:serviceTask id="Activity_1">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="ship-parcel" />
                    %s
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """;
        return Stream.of(
                Arguments.of("zeebe:taskHeaders", ship.formatted(
                        "<zeebe:taskHeaders><zeebe:header key=\"carrier\" value=\"dhl\" /></zeebe:taskHeaders>")),
                Arguments.of("zeebe:executionListeners", ship.formatted("""
                        <zeebe:executionListeners>
                          <zeebe:executionListener eventType="start" type="audit" />
                        </zeebe:executionListeners>""")),
                Arguments.of("zeebe:linkedResources", ship.formatted("""
                        <zeebe:linkedResources>
                          <zeebe:linkedResource resourceId="label-template" resourceType="RPA" linkName="label" />
                        </zeebe:linkedResources>""")),
                Arguments.of("zeebe:script", """
                        <bpmn:scriptTask id="Activity_1">
                          <bpmn:extensionElements>
                            <zeebe:script expression="=amount * 2" resultVariable="doubled" />
                          </bpmn:extensionElements>
                        </bpmn:scriptTask>
                        """),
                Arguments.of("zeebe:formDefinition", """
                        <bpmn:startEvent id="Activity_1">
                          <bpmn:extensionElements><zeebe:formDefinition formId="start-form" /></bpmn:extensionElements>
                        </bpmn:startEvent>
                        """),
                Arguments.of("zeebe:modelerTemplate", """
                        <bpmn:serviceTask id="Activity_1" zeebe:modelerTemplate="io.camunda.connectors.HttpJson.v2">
                          <bpmn:extensionElements><zeebe:taskDefinition type="ship-parcel" /></bpmn:extensionElements>
                        </bpmn:serviceTask>
                        """),
                Arguments.of("zeebe:output", """
                        <bpmn:serviceTask id="Activity_1">
                          <bpmn:extensionElements>
                            <zeebe:taskDefinition type="ship-parcel" />
                            <zeebe:ioMapping><zeebe:output source="=label.id" target="labelId" /></zeebe:ioMapping>
                          </bpmn:extensionElements>
                        </bpmn:serviceTask>
                        """),
                Arguments.of("bpmn:callActivity", """
                        <bpmn:callActivity id="Activity_1">
                          <bpmn:extensionElements><zeebe:calledElement processId="refund" /></bpmn:extensionElements>
                        </bpmn:callActivity>
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untranslatedConstructs")
    void constructWithoutTranslationFailsNamingFileElementAndConstruct(String construct, String processContent) {
        assertThatThrownBy(() -> translate(bpmn(processContent)))
                .isInstanceOf(ModelTranslationException.class)
                .hasMessage("bpmn/return-process.bpmn: element 'Activity_1' uses " + construct
                        + ", which the embedded runtime does not translate");
    }

    @Test
    void modelWithADoctypeIsRefused() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">&secret;</bpmn:definitions>
                """;

        assertRejected(model, "DOCTYPE");
    }

    // --- the translated output -----------------------------------------------------------------------------------

    @Test
    void translatingTheSameFileTwiceGivesIdenticalBytes() {
        String model = completeProcess();

        byte[] first = translate(model).content();
        byte[] second = translate(model).content();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void completeProcessIsReadByOperatonWithoutAnyZeebeElementLeft() {
        TranslatedProcess translated = translate(completeProcess());

        assertThat(text(translated)).doesNotContain("<zeebe:").doesNotContain(" zeebe:");
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translated.content()));
        Bpmn.validateModel(model);
        ServiceTask receive = model.getModelElementById("receive-parcel");
        assertThat(receive.getOperatonDelegateExpression())
                .isEqualTo("${stepHandlerDelegate.forTaskType('receive-parcel')}");
        assertThat(receive.isOperatonAsyncBefore()).isTrue();
        UserTask inspect = model.getModelElementById("inspect");
        assertThat(inspect.getOperatonFormRef()).isEqualTo("inspection-form");
        assertThat(inspect.getOperatonCandidateGroups()).isEqualTo("warehouse");
        BusinessRuleTask decide = model.getModelElementById("decide-refund");
        assertThat(decide.getOperatonDecisionRef()).isEqualTo("refund-route");
        assertThat(decide.getOperatonMapDecisionResult()).isEqualTo("singleEntry");
        SequenceFlow toRefund = model.getModelElementById("to-refund");
        assertThat(toRefund.getConditionExpression().getLanguage()).isEqualTo("feel");
        IntermediateCatchEvent wait = model.getModelElementById("wait-for-pickup");
        MessageEventDefinition pickedUp = (MessageEventDefinition) wait.getEventDefinitions().iterator().next();
        assertThat(pickedUp.getMessage().getName()).isEqualTo("parcel-picked-up");
        assertThat(translated.processIds()).containsExactly("return-process");
        assertThat(translated.taskTypes()).containsExactly("receive-parcel");
        assertThat(translated.formIds()).containsExactly("inspection-form");
        assertThat(translated.decisionIds()).containsExactly("refund-route");
        assertThat(translated.correlationVariableByMessageName())
                .containsExactly(Map.entry("parcel-picked-up", "returnId"));
    }

    // --- DMN -----------------------------------------------------------------------------------------------------

    @Test
    void decisionsAreReadByOperatonWithNumbersAsDoublesAndAHistoryTimeToLive() {
        TranslatedDecisions translated = translator.translateDmn("bpmn/refund-route.dmn",
                dmn("https://www.omg.org/spec/DMN/20191111/MODEL/").getBytes(UTF_8));

        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(translated.content()));
        Decision route = model.getModelElementById("refund-route");
        assertThat(route.getOperatonHistoryTimeToLiveString()).isEqualTo("P180D");
        InputExpression amount = model.getModelElementById("amount-expression");
        assertThat(amount.getTypeRef()).isEqualTo("double");
        Output limit = model.getModelElementById("limit");
        assertThat(limit.getTypeRef()).isEqualTo("double");
        assertThat(new String(translated.content(), UTF_8)).doesNotContain("\"number\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            "https://www.omg.org/spec/DMN/20211108/MODEL/",
            "https://www.omg.org/spec/DMN/20230324/MODEL/"})
    void decisionShapesComeFromHitPolicyAggregationAndOutputs(String dmnNamespace) {
        TranslatedDecisions translated = translator.translateDmn("bpmn/refund-route.dmn",
                dmn(dmnNamespace).getBytes(UTF_8));

        assertThat(translated.decisions()).containsExactly(
                new DecisionShape("refund-route", "UNIQUE", false, 2),
                new DecisionShape("refund-total", "COLLECT", true, 1),
                new DecisionShape("greeting", "UNIQUE", false, 1));
    }

    // --- model builders ------------------------------------------------------------------------------------------

    private TranslatedProcess translate(String model) {
        return translate(model, Map.of("refund-route", new DecisionShape("refund-route", "UNIQUE", false, 1)));
    }

    private TranslatedProcess translate(String model, Map<String, DecisionShape> decisions) {
        return translator.translateBpmn(FILE, model.getBytes(UTF_8), decisions);
    }

    private void assertRejected(String model, String... messageParts) {
        assertThatThrownBy(() -> translate(model))
                .isInstanceOf(ModelTranslationException.class)
                .hasMessageStartingWith(FILE + ": ")
                .hasMessageContainingAll(messageParts);
    }

    private static <T extends ModelElementInstance> T element(TranslatedProcess translated, String id) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(translated.content())).getModelElementById(id);
    }

    private static <T extends ModelElementInstance> T extension(BaseElement element, Class<T> type) {
        return element.getExtensionElements().getElementsQuery().filterByType(type).singleResult();
    }

    private static TimerEventDefinition timerDefinition(TranslatedProcess translated, String eventId) {
        IntermediateCatchEvent event = element(translated, eventId);
        return (TimerEventDefinition) event.getEventDefinitions().iterator().next();
    }

    private static String text(TranslatedProcess translated) {
        return new String(translated.content(), UTF_8);
    }

    private static String bpmn(String processContent) {
        return bpmn(processContent, "");
    }

    private static String bpmn(String processContent, String rootContent) {
        String process = processContent.isEmpty() ? ""
                : "<bpmn:process id=\"return-process\" isExecutable=\"true\">\n" + processContent + "</bpmn:process>\n";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
                """ + process + rootContent + "</bpmn:definitions>\n";
    }

    private static String gateway(String condition) {
        return """
                <bpmn:exclusiveGateway id="how-much" default="small" />
                <bpmn:endEvent id="done" />
                <bpmn:sequenceFlow id="large" sourceRef="how-much" targetRef="done">
                  %s
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="small" sourceRef="how-much" targetRef="done" />
                """.formatted(condition);
    }

    private static String timer(String eventId, String field, String value) {
        return """
                <bpmn:intermediateCatchEvent id="%1$s">
                  <bpmn:timerEventDefinition id="%1$s-timer">
                    <bpmn:%2$s xsi:type="bpmn:tFormalExpression">%3$s</bpmn:%2$s>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                """.formatted(eventId, field, value);
    }

    private static String parcelArrives() {
        return """
                <bpmn:intermediateCatchEvent id="parcel-arrives">
                  <bpmn:messageEventDefinition id="parcel-arrives-message" messageRef="parcel-arrived" />
                </bpmn:intermediateCatchEvent>
                """;
    }

    /** start -> service task -> user task with form -> business rule task -> gateway -> two ends, and a message wait. */
    private static String completeProcess() {
        return bpmn("""
                <bpmn:startEvent id="return-requested"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:serviceTask id="receive-parcel" name="Receive parcel">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="receive-parcel" retries="5" />
                    <zeebe:properties><zeebe:property name="owner" value="warehouse" /></zeebe:properties>
                  </bpmn:extensionElements>
                  <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:intermediateCatchEvent id="wait-for-pickup">
                  <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
                  <bpmn:messageEventDefinition id="picked-up-definition" messageRef="picked-up" />
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="inspect" name="Inspect items">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:formDefinition formId="inspection-form" />
                    <zeebe:assignmentDefinition candidateGroups="warehouse" />
                    <zeebe:properties><zeebe:property name="completedByVariable" value="inspectedBy" /></zeebe:properties>
                  </bpmn:extensionElements>
                  <bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:businessRuleTask id="decide-refund" name="Decide refund">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="refund-route" resultVariable="route" />
                  </bpmn:extensionElements>
                  <bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing>
                </bpmn:businessRuleTask>
                <bpmn:exclusiveGateway id="which-route" default="to-reject">
                  <bpmn:incoming>f5</bpmn:incoming><bpmn:outgoing>to-refund</bpmn:outgoing><bpmn:outgoing>to-reject</bpmn:outgoing>
                </bpmn:exclusiveGateway>
                <bpmn:endEvent id="refunded"><bpmn:incoming>to-refund</bpmn:incoming></bpmn:endEvent>
                <bpmn:endEvent id="rejected"><bpmn:incoming>to-reject</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="return-requested" targetRef="receive-parcel" />
                <bpmn:sequenceFlow id="f2" sourceRef="receive-parcel" targetRef="wait-for-pickup" />
                <bpmn:sequenceFlow id="f3" sourceRef="wait-for-pickup" targetRef="inspect" />
                <bpmn:sequenceFlow id="f4" sourceRef="inspect" targetRef="decide-refund" />
                <bpmn:sequenceFlow id="f5" sourceRef="decide-refund" targetRef="which-route" />
                <bpmn:sequenceFlow id="to-refund" sourceRef="which-route" targetRef="refunded">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=route = "REFUND"</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="to-reject" sourceRef="which-route" targetRef="rejected" />
                """, """
                <bpmn:message id="picked-up" name="parcel-picked-up">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="=returnId" /></bpmn:extensionElements>
                </bpmn:message>
                """);
    }

    private static String dmn(String dmnNamespace) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="%s" id="refund-decisions" name="Refund decisions" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="refund-route" name="Refund route">
                    <decisionTable id="refund-route-table">
                      <input id="amount" label="Amount">
                        <inputExpression id="amount-expression" typeRef="number"><text>amount</text></inputExpression>
                      </input>
                      <output id="route" name="route" typeRef="string" />
                      <output id="limit" name="limit" typeRef="number" />
                      <rule id="small">
                        <inputEntry id="small-amount"><text>&lt; 100</text></inputEntry>
                        <outputEntry id="small-route"><text>"REFUND"</text></outputEntry>
                        <outputEntry id="small-limit"><text>100</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                  <decision id="refund-total" name="Refund total">
                    <decisionTable id="refund-total-table" hitPolicy="COLLECT" aggregation="SUM">
                      <input id="line" label="Line amount">
                        <inputExpression id="line-expression" typeRef="number"><text>lineAmount</text></inputExpression>
                      </input>
                      <output id="total" name="total" typeRef="number" />
                      <rule id="any-line">
                        <inputEntry id="any-amount"><text>-</text></inputEntry>
                        <outputEntry id="line-total"><text>lineAmount</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                  <decision id="greeting" name="Greeting">
                    <variable id="greeting-variable" name="greeting" typeRef="string" />
                    <literalExpression id="greeting-expression"><text>"Hello " + name</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(dmnNamespace);
    }
}
