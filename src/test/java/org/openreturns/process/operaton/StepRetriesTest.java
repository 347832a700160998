package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Incident;
import org.openreturns.ProcessTestSupport;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Step handlers on the embedded engine: a failing step is retried as often as the model's {@code retries} says,
 * then raises an incident that Cockpit shows; the writes of a failed attempt are rolled back with it.
 */
@ReturnsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepRetriesTest {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="retries" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="test-retries" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="FlakyStep"/>
                <bpmn:serviceTask id="FlakyStep" name="Flaky step">
                  <bpmn:extensionElements><zeebe:taskDefinition type="test-flaky-step" retries="3"/></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="F2" sourceRef="FlakyStep" targetRef="End"/>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessTestSupport.FlakyStep flakyStep;
    @Autowired
    DSLContext db;

    @BeforeAll
    void deployTestModel() {
        CamundaModelTranslator translator = new CamundaModelTranslator("PT0S", "P1D");
        byte[] translated = translator.translateBpmn("test-retries.bpmn", MODEL.getBytes(), Map.of()).content();
        repositoryService.createDeployment().name("test-retries")
                .addInputStream("test-retries.bpmn", new ByteArrayInputStream(translated)).deploy();
    }

    @Test
    void aStepThatKeepsFailingIsTriedAsOftenAsTheModelSaysThenRaisesAnIncident() {
        String businessKey = start(99);

        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createIncidentQuery()
                .processInstanceId(instanceOf(businessKey)).singleResult(), found -> found != null);

        assertThat(incident.getActivityId()).isEqualTo("FlakyStep");
        assertThat(incident.getIncidentMessage()).contains("Flaky step failed on attempt 3");
        assertThat(flakyStep.attempts(businessKey)).hasValue(3);
        assertThat(probeRows(businessKey)).as("every failed attempt was rolled back").isZero();
    }

    @Test
    void aStepThatRecoversCompletesAndOnlyTheSuccessfulAttemptsWritesRemain() {
        String businessKey = start(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).completed().count() == 1);

        assertThat(flakyStep.attempts(businessKey)).hasValue(2);
        assertThat(probeRows(businessKey)).isEqualTo(1);
    }

    private String start(int failures) {
        String businessKey = UUID.randomUUID().toString();
        runtimeService.startProcessInstanceByKey("test-retries", businessKey, Map.of("failures", failures));
        return businessKey;
    }

    private String instanceOf(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    private int probeRows(String businessKey) {
        db.execute("create table if not exists step_probe (business_key text, attempt int)");
        return db.fetchValue("select count(*) from step_probe where business_key = ?", businessKey) instanceof Number n
                ? n.intValue() : 0;
    }
}
