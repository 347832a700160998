package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.openreturns.ProcessTestSupport;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.process.ProcessRuntime;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The waiting constructs of the return lifecycle, in Camunda 8 form, translated and run on the embedded engine: a
 * non-interrupting SLA timer whose duration is a variable, an event-based gateway between a message correlated on
 * the RMA number and a timer of a variable duration, and a timer at an instant given by a variable. The timers are
 * fired by the {@link ProcessClock} instead of waited for.
 */
@ReturnsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingEventsTest {

    private static final String MESSAGE = "test-parcel-arrived";
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                id="waiting" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="test-waiting" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review"/>
                <bpmn:userTask id="Review" name="Review">
                  <bpmn:extensionElements>
                    <zeebe:userTask/>
                    <zeebe:assignmentDefinition candidateGroups="support"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:boundaryEvent id="ReviewOverdue" attachedToRef="Review" cancelActivity="false">
                  <bpmn:timerEventDefinition id="ReviewOverdueTimer">
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=reviewSla</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="F2" sourceRef="ReviewOverdue" targetRef="EscalateReview"/>
                <bpmn:serviceTask id="EscalateReview" name="Escalate the review">
                  <bpmn:extensionElements><zeebe:taskDefinition type="test-flaky-step"/></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="F3" sourceRef="EscalateReview" targetRef="Escalated"/>
                <bpmn:endEvent id="Escalated"/>
                <bpmn:sequenceFlow id="F4" sourceRef="Review" targetRef="WaitForParcel"/>
                <bpmn:eventBasedGateway id="WaitForParcel"/>
                <bpmn:sequenceFlow id="F5" sourceRef="WaitForParcel" targetRef="ParcelArrived"/>
                <bpmn:intermediateCatchEvent id="ParcelArrived">
                  <bpmn:messageEventDefinition id="ParcelArrivedMessage" messageRef="ParcelArrivedMessageRef"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="F6" sourceRef="WaitForParcel" targetRef="ParcelExpired"/>
                <bpmn:intermediateCatchEvent id="ParcelExpired">
                  <bpmn:timerEventDefinition id="ParcelExpiredTimer">
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=parcelExpiry</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="F7" sourceRef="ParcelExpired" targetRef="Expired"/>
                <bpmn:endEvent id="Expired"/>
                <bpmn:sequenceFlow id="F8" sourceRef="ParcelArrived" targetRef="Inspect"/>
                <bpmn:userTask id="Inspect" name="Inspect">
                  <bpmn:extensionElements>
                    <zeebe:userTask/>
                    <zeebe:assignmentDefinition candidateGroups="quality"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:boundaryEvent id="InspectionOverdue" attachedToRef="Inspect">
                  <bpmn:timerEventDefinition id="InspectionOverdueTimer">
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">=inspectionDueAt</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="F9" sourceRef="InspectionOverdue" targetRef="InspectionLate"/>
                <bpmn:endEvent id="InspectionLate"/>
                <bpmn:sequenceFlow id="F10" sourceRef="Inspect" targetRef="Inspected"/>
                <bpmn:endEvent id="Inspected"/>
              </bpmn:process>
              <bpmn:message id="ParcelArrivedMessageRef" name="test-parcel-arrived">
                <bpmn:extensionElements><zeebe:subscription correlationKey="=rmaNumber"/></bpmn:extensionElements>
              </bpmn:message>
            </bpmn:definitions>
            """;

    @Autowired
    ProcessClock clock;
    @Autowired
    ProcessRuntime processRuntime;
    @Autowired
    MessageCorrelationKeys correlationKeys;
    @Autowired
    ProcessTestSupport.FlakyStep escalation;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    @BeforeAll
    void deployTestModel() {
        TranslatedProcess translated = new CamundaModelTranslator("PT0S", "P1D")
                .translateBpmn("test-waiting.bpmn", MODEL.getBytes(), Map.of());
        correlationKeys.register(translated.correlationVariableByMessageName());
        repositoryService.createDeployment().name("test-waiting")
                .addInputStream("test-waiting.bpmn", new ByteArrayInputStream(translated.content())).deploy();
    }

    @Test
    void aNonInterruptingSlaTimerOfAVariableDurationRunsItsPathAndLeavesTheTaskOpen() {
        String rma = start("2027-01-15T09:30:00+01:00");

        assertThat(timer(rma, "ReviewOverdue").getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(2, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
        clock.fireTimer(rma, "ReviewOverdue");
        clock.awaitJobsDone(rma);

        assertThat(escalation.attempts(rma)).as("the escalation step ran once").hasValue(1);
        assertThat(passed(rma)).contains("ReviewOverdue", "EscalateReview", "Escalated");
        assertThat(openTasks(rma)).containsExactly("Review");
        assertThat(clock.fireTimers(rma)).as("a duration timer fires once").isZero();
    }

    @Test
    void theEventBasedGatewayTakesTheMessageCorrelatedOnTheRmaNumber() {
        String rma = start("2027-01-15T09:30:00+01:00");
        completeReview(rma);
        assertThat(timer(rma, "ParcelExpired").getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));

        processRuntime.sendMessage(MESSAGE, "RMA-NOT-" + rma, "other", Map.of());
        assertThat(passed(rma)).as("a message of another RMA").doesNotContain("ParcelArrived");
        processRuntime.sendMessage(MESSAGE, rma, "parcel-1", Map.of("parcelId", "P-1"));

        assertThat(openTasks(rma)).containsExactly("Inspect");
        assertThat(passed(rma)).contains("ParcelArrived").doesNotContain("Expired");
        processRuntime.sendMessage(MESSAGE, rma, "parcel-1", Map.of());
        assertThat(openTasks(rma)).as("the same message again changes nothing").containsExactly("Inspect");
        assertThat(clock.fireTimers(rma)).as("only the inspection timer is left").isEqualTo(1);
        assertThat(passed(rma)).contains("InspectionLate");
    }

    @Test
    void theEventBasedGatewayTakesTheTimerWhenNoParcelComes() {
        String rma = start("2027-01-15T09:30:00+01:00");
        completeReview(rma);

        assertThat(clock.fireTimers(rma)).isEqualTo(1);

        assertThat(passed(rma)).contains("ParcelExpired", "Expired").doesNotContain("ParcelArrived");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rma).count()).isZero();
        processRuntime.sendMessage(MESSAGE, rma, "parcel-late", Map.of());
        assertThat(passed(rma)).as("a message nobody waits for is dropped").doesNotContain("ParcelArrived");
    }

    /** The forms an OffsetDateTime or Instant prints itself in (toString), which is how steps set the variable. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2027-01-15T09:30:00+01:00", "2027-01-15T08:30Z", "2027-01-15T08:30:00.123456Z"})
    void aTimerAtTheInstantOfAVariableFiresThenAndInterruptsTheTask(String inspectionDueAt) {
        String rma = start(inspectionDueAt);
        completeReview(rma);
        processRuntime.sendMessage(MESSAGE, rma, "parcel-1", Map.of());

        assertThat(timer(rma, "InspectionOverdue").getDuedate().toInstant())
                .isCloseTo(OffsetDateTime.parse(inspectionDueAt).toInstant(), within(1, ChronoUnit.SECONDS));
        clock.fireTimer(rma, "InspectionOverdue");

        assertThat(passed(rma)).contains("InspectionLate").doesNotContain("Inspected");
        assertThat(openTasks(rma)).isEmpty();
    }

    /** Starts an instance whose business key is also its RMA number, the correlation key. */
    private String start(String inspectionDueAt) {
        String rma = "RMA-T-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put("rmaNumber", rma);
        variables.put("reviewSla", "PT2H");
        variables.put("parcelExpiry", "P30D");
        variables.put("inspectionDueAt", inspectionDueAt);
        variables.put("failures", 0);
        runtimeService.startProcessInstanceByKey("test-waiting", rma, variables);
        return rma;
    }

    private void completeReview(String businessKey) {
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("Review").singleResult().getId());
    }

    private Job timer(String businessKey, String eventId) {
        return managementService.createJobQuery().timers().activityId(eventId)
                .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey).singleResult().getId())
                .singleResult();
    }

    private List<String> openTasks(String businessKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(task -> task.getTaskDefinitionKey()).toList();
    }

    private List<String> passed(String businessKey) {
        return historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey).singleResult().getId())
                .finished().list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }
}
