package org.openreturns.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user task waiting for a person, as Tasklist shows it.
 *
 * @param elementId  the user task's id in the model, e.g. {@code InspectReturn}
 * @param formId     the Camunda Form that completes it, if any
 * @param businessKey the id of the business object the process runs for (a return id)
 * @param context    the routing facts a caller needs to find the task of a return ({@code returnId}, {@code rmaNumber})
 */
public record HumanTask(String id, String name, String elementId, String formId, List<String> candidateGroups,
                        String assignee, Instant createdAt, String processInstanceId, String businessKey,
                        Map<String, Object> context) {
}
