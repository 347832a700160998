package org.openreturns.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process variables that describe a user task. The models name them: {@code titleVariable} (the task's name on
 * the embedded engine and in the API), {@code zeebe:taskSchedule dueDate} and {@code zeebe:priorityDefinition}.
 */
final class TaskVariables {

    static final String TITLE = "taskTitle";
    /** ISO-8601 with offset, whole seconds: what Camunda 8 and the embedded engine both read as a due date. */
    static final String DUE_DATE = "taskDueDate";
    static final String PRIORITY = "taskPriority";

    /** Read-only fields of the forms: what the system already knows. */
    static final String ORDER_NUMBER = "orderNumber";
    static final String CUSTOMER_MESSAGE = "customerMessage";
    static final String RECEIVED_SERIAL = "receivedSerial";
    /** Whether the line's item has serial numbers: the inspection form asks whether the serial matches only then. */
    static final String SERIALIZED_ITEM = "serializedItem";
    static final String CUSTOMER = "customer";
    static final String MONEY_AT_STAKE = "moneyAtStake";
    static final String FINDINGS = "findings";
    /**
     * Points in time the approval and dispute forms show as read-only date-time fields: ISO-8601 instants in UTC,
     * which Tasklist shows in the reader's own time zone (a time written inside a text could not be).
     */
    static final String REQUESTED_AT = "requestedAt";
    static final String PARCEL_RECEIVED_AT = "parcelReceivedAt";
    static final String INSPECTED_AT = "inspectedAt";

    private TaskVariables() {
    }

    static Map<String, Object> of(String title, Instant dueDate, int priority) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(TITLE, title);
        variables.put(DUE_DATE, dueDate.truncatedTo(ChronoUnit.SECONDS).toString());
        variables.put(PRIORITY, priority);
        return variables;
    }
}
