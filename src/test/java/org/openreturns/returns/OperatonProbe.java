package org.openreturns.returns;

import java.util.List;
import java.util.Map;

import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;

/** The embedded engine as the lifecycle tests see it: its runtime, history, jobs, clock and task service. */
record OperatonProbe(RuntimeService runtimeService, ManagementService managementService, HistoryService historyService,
                     TaskService taskService, IdentityService identityService, ProcessClock processClock)
        implements ProcessProbe {

    OperatonProbe(ProcessEngine engine, ProcessClock processClock) {
        this(engine.getRuntimeService(), engine.getManagementService(), engine.getHistoryService(),
                engine.getTaskService(), engine.getIdentityService(), processClock);
    }

    @Override
    public String describe(String returnId) {
        String businessKey = businessKeyOf(returnId);
        return "waiting at " + runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list().stream().map(instance -> runtimeService.getActiveActivityIds(instance.getId())).toList()
                + "; failing steps: " + failingSteps(businessKey) + "; history: " + history(businessKey);
    }

    /** The return's process runs under its RMA number; the tests know the return by its id. */
    private String businessKeyOf(String returnId) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("return-process")
                .variableValueEquals("returnId", returnId).list().stream()
                .map(instance -> instance.getBusinessKey()).findFirst().orElse(returnId);
    }

    /** The steps the return's process went through. */
    private List<String> history(String businessKey) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .stream().flatMap(instance -> historyService.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()
                        .stream())
                .map(activity -> activity.getActivityId() + (activity.isCanceled() ? "(canceled)" : "")).toList();
    }

    /** The steps of the return's process that failed, with the exception. */
    private List<String> failingSteps(String businessKey) {
        return managementService.createJobQuery().withException().list().stream()
                .filter(job -> runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                        .processInstanceBusinessKey(businessKey).count() > 0)
                .map(job -> job.getExceptionMessage() + "\n" + managementService.getJobExceptionStacktrace(job.getId())
                        .lines().filter(line -> line.startsWith("Caused by") || line.contains("openreturns"))
                        .limit(8).reduce("", (a, b) -> a + "\n" + b))
                .toList();
    }

    /** A variable of an open task, as its form shows it. */
    Object taskVariable(String taskId, String name) {
        return taskService.getVariable(taskId, name);
    }

    /** The incident of the return's process, if any: where it stopped and with what message. */
    java.util.Optional<org.operaton.bpm.engine.runtime.Incident> incident(String returnId) {
        return runtimeService.createIncidentQuery().list().stream()
                .filter(incident -> runtimeService.createProcessInstanceQuery()
                        .processInstanceId(incident.getProcessInstanceId())
                        .processInstanceBusinessKey(businessKeyOf(returnId)).count() > 0)
                .findFirst();
    }

    @Override
    public void fireTimer(String returnId, String timerElementId) {
        processClock.fireTimer(businessKeyOf(returnId), timerElementId);
    }

    /** Operaton's Tasklist completes through the engine's task service as the logged-in user. */
    @Override
    public void completeInTasklist(String taskId, String userId, List<String> groups, Map<String, Object> variables) {
        identityService.setAuthentication(userId, groups);
        try {
            taskService.complete(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
