package org.openreturns.returns;

import static org.openreturns.db.Tables.SLA_ESCALATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.process.HumanTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stages that ran past their SLA (docs/specification/lifecycle.md: review 24 h, inspection 48 h after receipt, refund
 * 24 h after validation). An escalation does not stop the work: it records the breach once per return and stage
 * (counted by {@code GET /api/returns/sla-escalations}), notes it on the timeline and makes the overdue task visible to
 * the managers, who can take it over.
 */
@Service
public class SlaEscalations {

    public enum Stage { REVIEW, INSPECTION, REFUND }

    static final String MANAGER_GROUP = "manager";

    private final DSLContext db;
    private final ReturnService returns;
    private final HumanTasks humanTasks;
    private final Clock clock;

    SlaEscalations(DSLContext db, ReturnService returns, HumanTasks humanTasks, Clock clock) {
        this.db = db;
        this.returns = returns;
        this.humanTasks = humanTasks;
        this.clock = clock;
    }

    /** The stage a return in this status waits in, if it is one with an SLA. */
    static Optional<Stage> stageOf(ReturnStatus status) {
        return switch (status) {
            case PENDING_REVIEW -> Optional.of(Stage.REVIEW);
            case RECEIVED -> Optional.of(Stage.INSPECTION);
            case AWAITING_APPROVAL, DISPUTED -> Optional.of(Stage.REFUND);
            default -> Optional.empty();
        };
    }

    /**
     * Escalates the stage the return is in now. Does nothing when the return has moved on meanwhile or the stage was
     * escalated before.
     */
    @Transactional
    public Optional<Stage> escalate(UUID returnId) {
        ReturnSummary summary = returns.summary(returnId);
        Optional<Stage> stage = stageOf(summary.status());
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        int inserted = db.insertInto(SLA_ESCALATION)
                .set(SLA_ESCALATION.RETURN_ID, returnId)
                .set(SLA_ESCALATION.STAGE, stage.get().name())
                .set(SLA_ESCALATION.ESCALATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            returns.note(returnId, ReturnService.SYSTEM_ACTOR, "SLA_ESCALATED", "The " + stage.get().name()
                    .toLowerCase() + " stage ran past its SLA; escalated to the managers");
            humanTasks.involveGroup(summary.rmaNumber(), MANAGER_GROUP);
        }
        return stage;
    }

    /** How many returns ran past the SLA of each stage. */
    @Transactional(readOnly = true)
    public Map<Stage, Integer> counts() {
        Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            counts.put(stage, db.fetchCount(SLA_ESCALATION, SLA_ESCALATION.STAGE.eq(stage.name())));
        }
        return counts;
    }
}
