package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;

/** The models' FEEL conditions are given the process variables, not the application's beans (as on Camunda 8). */
@ReturnsIntegrationTest
class ScriptsSeeVariablesOnlyTest {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:operaton="http://operaton.org/schema/1.0/bpmn"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         targetNamespace="test">
              <process id="feel-sees" isExecutable="true" operaton:historyTimeToLive="P1D">
                <startEvent id="start" />
                <sequenceFlow id="toGateway" sourceRef="start" targetRef="gateway" />
                <exclusiveGateway id="gateway" default="toBeanSeen" />
                <sequenceFlow id="toNoBean" sourceRef="gateway" targetRef="noBean">
                  <conditionExpression xsi:type="tFormalExpression" language="feel">stepHandlerDelegate = null and order = "A-1"</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="toBeanSeen" sourceRef="gateway" targetRef="beanSeen" />
                <userTask id="noBean" />
                <userTask id="beanSeen" />
              </process>
            </definitions>
            """;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aConditionSeesTheVariablesButNoBean() {
        repositoryService.createDeployment().addString("feel-sees.bpmn", MODEL).deploy();

        String instance = runtimeService.startProcessInstanceByKey("feel-sees", Map.of("order", "A-1")).getId();

        assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly("noBean");
    }
}
