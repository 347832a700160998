package org.openreturns.returns;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.openreturns.process.HumanTask;

/**
 * What {@code GET /api/returns/{id}} shows: status, risk score, lines, refund, timeline, what the customer was told,
 * the tasks waiting on people and what the reason classifier suggested for each line. {@code channelReturnId}: the
 * channel's own id of a return it authorised itself (a marketplace's), null for the others.
 */
public record ReturnDetails(UUID returnId, String rmaNumber, String orderId, String channel,
                            String channelReturnId, String currency,
                            String warehouse, ReturnStatus status, OffsetDateTime requestedAt, String requestedBy,
                            String customerMessage, Risk risk, List<ReturnLineView> lines, Refund refund,
                            List<TimelineEntry> timeline, List<Notification> notifications,
                            List<OpenTask> openTasks, List<LineReason> lineReasons) {

    /**
     * The return-risk score (0-100) given before the eligibility decision, with its strongest signals in words; null
     * when the return was not scored.
     */
    public record Risk(int score, List<String> signals, OffsetDateTime scoredAt) {
    }

    /** The money side: null until a refund is decided for a line. */
    public record Refund(String decision, long amountMinor, String status) {
    }

    public record TimelineEntry(OffsetDateTime at, String actor, String type, ReturnStatus fromStatus,
                                ReturnStatus toStatus, String detail) {
    }

    /** A message the customer was sent about the return. */
    public record Notification(UUID returnId, String type, String recipient, String message, OffsetDateTime sentAt) {
    }

    /** A task waiting for a person, since {@code createdAt}, in the process instance {@code processInstanceId}. */
    public record OpenTask(String id, String name, String elementId, String formId, List<String> candidateGroups,
                           String assignee, Instant createdAt, Instant dueDate, String processInstanceId) {

        static OpenTask of(HumanTask task) {
            return new OpenTask(task.id(), task.name(), task.elementId(), task.formId(), task.candidateGroups(),
                    task.assignee(), task.createdAt(), task.dueDate(), task.processInstanceId());
        }
    }
}
