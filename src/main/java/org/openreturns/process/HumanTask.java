package org.openreturns.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user task waiting for a person, as Tasklist shows it.
 *
 * @param name       what the task is about, e.g. "Inspect RMA-2026-000001 line 1 · TSHIRT-BLK-M · 19.90 EUR"; the
 *                   element name of the model when the process gives no title
 * @param elementId  the user task's id in the model, e.g. {@code InspectReturn}
 * @param formId     the Camunda Form that completes it, if any
 * @param businessKey the id of the return the task belongs to (its {@code returnId} variable); null for tasks of
 *                    parcels and breaks
 * @param dueDate    when it should be done by (its stage's SLA); null when it has none
 * @param priority   0 to 100, higher first: Camunda 8's scale, which the embedded engine uses too
 * @param context    the routing facts a caller needs to find the task of a return ({@code returnId}, {@code rmaNumber})
 */
public record HumanTask(String id, String name, String elementId, String formId, List<String> candidateGroups,
                        String assignee, Instant createdAt, Instant dueDate, int priority,
                        String processInstanceId, String businessKey, Map<String, Object> context) {
}
