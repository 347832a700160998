package org.openreturns.process.operaton;

import java.util.Map;
import java.util.Set;

/**
 * A BPMN file ready for the embedded engine, and what it refers to, so that deployment can check that every task
 * type has a step handler and every form and decision exists.
 *
 * @param processIds                         the executable processes the file defines
 * @param listenerTypes                      the types of its user task listeners (task completion checks)
 * @param correlationVariableByMessageName   for each message with a correlation key, the process variable whose
 *                                           value the key is matched against
 */
record TranslatedProcess(byte[] content, Set<String> processIds, Set<String> taskTypes, Set<String> listenerTypes,
                         Set<String> formIds,
                         Set<String> decisionIds, Map<String, String> correlationVariableByMessageName) {

    TranslatedProcess {
        processIds = Set.copyOf(processIds);
        taskTypes = Set.copyOf(taskTypes);
        listenerTypes = Set.copyOf(listenerTypes);
        formIds = Set.copyOf(formIds);
        decisionIds = Set.copyOf(decisionIds);
        correlationVariableByMessageName = Map.copyOf(correlationVariableByMessageName);
    }
}
