package org.openreturns.process;

import java.util.Map;

/**
 * A user task about to be completed.
 *
 * @param taskElementId  the user task's id in the model
 * @param completingUser who completes it
 * @param variables      the instance's variables, including those submitted with the completion
 */
public record TaskCompletion(String taskElementId, String processInstanceId, String businessKey,
                             String completingUser, Map<String, Object> variables) {

    public TaskCompletion {
        variables = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(variables));
    }
}
