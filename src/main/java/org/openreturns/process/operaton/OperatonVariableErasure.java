package org.openreturns.process.operaton;

import java.util.Collection;
import java.util.List;

import org.openreturns.process.ProcessVariableErasure;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.operaton.bpm.engine.runtime.VariableInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Erases process variables on the embedded engine, in the caller's transaction (the engine shares the application's
 * database and transactions), so the variables go with the erasure of the tables or not at all:
 * <ul>
 *   <li>An instance that has ended keeps its variables only in the history: they are deleted there, with every
 *       earlier value of them (the engine deletes a historic variable's details along with it).</li>
 *   <li>An instance that still runs may read its variables again (a form shows them): they are overwritten with
 *       {@link #ERASED} instead. Deleting their history under the running instance would break the engine's next
 *       update of them, so the earlier values in its history go when that history does (history time to live).</li>
 * </ul>
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonVariableErasure implements ProcessVariableErasure {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;

    OperatonVariableErasure(RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    @Override
    public int eraseVariables(Collection<String> businessKeys, Collection<String> variableNames) {
        if (businessKeys.isEmpty() || variableNames.isEmpty()) {
            return 0;
        }
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).list();
        String[] running = instances.stream().filter(instance -> instance.getEndTime() == null)
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
        String[] ended = instances.stream().filter(instance -> instance.getEndTime() != null)
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
        String[] names = variableNames.toArray(String[]::new);
        return overwriteRunning(running, names) + deleteHistory(ended, names);
    }

    private int overwriteRunning(String[] processInstanceIds, String[] names) {
        if (processInstanceIds.length == 0) {
            return 0;
        }
        int overwritten = 0;
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds).variableNameIn(names).list()) {
            if (ERASED.equals(variable.getValue())) {
                continue;
            }
            // A task's own variable (a form field) lives on the task, the others on their execution.
            if (variable.getTaskId() != null) {
                taskService.setVariableLocal(variable.getTaskId(), variable.getName(), ERASED);
            } else {
                runtimeService.setVariableLocal(variable.getExecutionId(), variable.getName(), ERASED);
            }
            overwritten++;
        }
        return overwritten;
    }

    private int deleteHistory(String[] processInstanceIds, String[] names) {
        if (processInstanceIds.length == 0) {
            return 0;
        }
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds).variableNameIn(names).list();
        variables.forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId()));
        return variables.size();
    }
}
