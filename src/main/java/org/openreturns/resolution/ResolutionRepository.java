package org.openreturns.resolution;

import static org.openreturns.db.Tables.RETURN_APPROVAL;
import static org.openreturns.db.Tables.RETURN_DISPUTE;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.db.tables.records.ReturnDisputeRecord;
import org.springframework.stereotype.Repository;

@Repository
class ResolutionRepository {

    private final DSLContext db;

    ResolutionRepository(DSLContext db) {
        this.db = db;
    }

    /** @return false when this round was decided before (a repeated step) */
    boolean insertApproval(UUID returnId, boolean approved, String comment, String by, OffsetDateTime at) {
        int round = db.fetchCount(RETURN_DISPUTE, RETURN_DISPUTE.RETURN_ID.eq(returnId)
                .and(RETURN_DISPUTE.RESOLVED_AT.isNotNull()));
        return db.insertInto(RETURN_APPROVAL)
                .set(RETURN_APPROVAL.RETURN_ID, returnId)
                .set(RETURN_APPROVAL.ROUND, round)
                .set(RETURN_APPROVAL.APPROVED, approved)
                .set(RETURN_APPROVAL.COMMENT, comment)
                .set(RETURN_APPROVAL.DECIDED_BY, by)
                .set(RETURN_APPROVAL.DECIDED_AT, at)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Opens the return's dispute unless one is open: a repeated step opens one. */
    void openDispute(UUID returnId, String reason, String by, OffsetDateTime at) {
        db.insertInto(RETURN_DISPUTE)
                .set(RETURN_DISPUTE.RETURN_ID, returnId)
                .set(RETURN_DISPUTE.REASON, reason)
                .set(RETURN_DISPUTE.OPENED_BY, by)
                .set(RETURN_DISPUTE.OPENED_AT, at)
                .onConflictDoNothing()
                .execute();
    }

    Optional<ReturnDisputeRecord> openDisputeOf(UUID returnId) {
        return db.selectFrom(RETURN_DISPUTE).where(RETURN_DISPUTE.RETURN_ID.eq(returnId))
                .and(RETURN_DISPUTE.RESOLVED_AT.isNull()).forUpdate().fetchOptional();
    }

    Optional<ReturnDisputeRecord> lastResolvedDisputeOf(UUID returnId) {
        return db.selectFrom(RETURN_DISPUTE).where(RETURN_DISPUTE.RETURN_ID.eq(returnId))
                .and(RETURN_DISPUTE.RESOLVED_AT.isNotNull()).orderBy(RETURN_DISPUTE.ID.desc()).limit(1)
                .fetchOptional();
    }

    void resolveDispute(long disputeId, DisputeResolution resolution, String by, OffsetDateTime at) {
        db.update(RETURN_DISPUTE)
                .set(RETURN_DISPUTE.DISPOSITION, resolution.disposition().name())
                .set(RETURN_DISPUTE.REFUND_DECISION, resolution.refundDecision().name())
                .set(RETURN_DISPUTE.DEDUCTION_PERCENT, resolution.deductionPercent())
                .set(RETURN_DISPUTE.COMMENT, resolution.comment())
                .set(RETURN_DISPUTE.RESOLVED_BY, by)
                .set(RETURN_DISPUTE.RESOLVED_AT, at)
                .where(RETURN_DISPUTE.ID.eq(disputeId))
                .execute();
    }
}
