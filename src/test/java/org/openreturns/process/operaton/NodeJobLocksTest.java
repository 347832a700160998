package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openreturns.ReturnsIntegrationTest;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The jobs a node takes back at start are its own: those locked under its name are released and run at once, those
 * another node holds stay locked until that node finishes them or their lock expires. The start-up itself, after a
 * {@code kill -9}, is tested on a separate process by {@link org.openreturns.system.CrashRecoveryTest}.
 */
@ReturnsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeJobLocksTest {

    /** A process that waits a day; the test makes its timer due and locks it as a node would. */
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="locks"
                targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="test-job-locks" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="WaitADay"/>
                <bpmn:intermediateCatchEvent id="WaitADay">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="F2" sourceRef="WaitADay" targetRef="End"/>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    DSLContext db;

    @BeforeAll
    void deployTestModel() {
        byte[] translated = new CamundaModelTranslator("PT0S", "P1D")
                .translateBpmn("test-job-locks.bpmn", MODEL.getBytes(), Map.of()).content();
        repositoryService.createDeployment().name("test-job-locks")
                .addInputStream("test-job-locks.bpmn", new ByteArrayInputStream(translated)).deploy();
    }

    @Test
    void aNodeTakesBackOnlyTheJobsLockedUnderItsOwnName() {
        String restartedNode = "node-a-" + UUID.randomUUID();
        String liveNode = "node-b-" + UUID.randomUUID();
        String ofRestartedNode = dueTimerLockedBy(restartedNode);
        String ofLiveNode = dueTimerLockedBy(liveNode);

        int released = NodeJobLocks.releaseLocksOf(
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration(), restartedNode);

        assertThat(released).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> finished(ofRestartedNode));
        assertThat(finished(ofLiveNode)).as("the live node's job waits for that node").isFalse();
        assertThat(lockOf(ofLiveNode).get("lock_owner_")).isEqualTo(liveNode);
    }

    @Test
    void theJobExecutorLocksUnderTheHostNameWhenNoNodeNameIsSet() throws Exception {
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor()
                .getLockOwner()).isEqualTo(InetAddress.getLocalHost().getHostName());
    }

    /**
     * Starts the process and makes its timer due while locked for an hour by the owner given, in one statement, as
     * a node's job executor leaves it when it dies while running the job. Answers the process instance id.
     */
    private String dueTimerLockedBy(String owner) {
        String instance = runtimeService.startProcessInstanceByKey("test-job-locks").getId();
        String job = managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
        db.execute("update act_ru_job set duedate_ = now() - interval '1 minute', lock_owner_ = ?,"
                + " lock_exp_time_ = now() + interval '1 hour' where id_ = ?", owner, job);
        return instance;
    }

    private boolean finished(String instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).completed().count() == 1;
    }

    private Record lockOf(String instance) {
        return db.fetchOne("select lock_owner_ from act_ru_job where process_instance_id_ = ?", instance);
    }
}
