package org.openreturns.reconciliation;

import static org.openreturns.db.Tables.RECONCILIATION_BREAK;
import static org.openreturns.db.Tables.RECONCILIATION_RUN;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.openreturns.db.tables.records.ReconciliationBreakRecord;
import org.springframework.stereotype.Repository;

@Repository
class ReconciliationRepository {

    private final DSLContext db;

    ReconciliationRepository(DSLContext db) {
        this.db = db;
    }

    /** Runs take turns: two at once would both open the same new break. */
    void waitForOtherRuns() {
        db.execute("select pg_advisory_xact_lock(hashtext('reconciliation-run'))");
    }

    long startRun(String startedBy, OffsetDateTime at) {
        return db.insertInto(RECONCILIATION_RUN).set(RECONCILIATION_RUN.STARTED_AT, at)
                .set(RECONCILIATION_RUN.STARTED_BY, startedBy)
                .returning(RECONCILIATION_RUN.ID).fetchOne(RECONCILIATION_RUN.ID);
    }

    void finishRun(long runId, OffsetDateTime at, int breaksFound, int newBreaks) {
        db.update(RECONCILIATION_RUN).set(RECONCILIATION_RUN.FINISHED_AT, at)
                .set(RECONCILIATION_RUN.BREAKS_FOUND, breaksFound).set(RECONCILIATION_RUN.NEW_BREAKS, newBreaks)
                .where(RECONCILIATION_RUN.ID.eq(runId)).execute();
    }

    Map<String, ReconciliationBreakRecord> openBreaksByFingerprint() {
        return db.selectFrom(RECONCILIATION_BREAK).where(RECONCILIATION_BREAK.STATUS.eq(BreakStatus.OPEN.name()))
                .fetchMap(RECONCILIATION_BREAK.FINGERPRINT);
    }

    long open(Finding finding, long runId, OffsetDateTime at) {
        return db.insertInto(RECONCILIATION_BREAK)
                .set(RECONCILIATION_BREAK.CHECK_TYPE, finding.type().name())
                .set(RECONCILIATION_BREAK.FINGERPRINT, finding.fingerprint())
                .set(RECONCILIATION_BREAK.SKU, finding.sku())
                .set(RECONCILIATION_BREAK.WAREHOUSE_CODE, finding.warehouseCode())
                .set(RECONCILIATION_BREAK.LOCATION_TYPE,
                        finding.locationType() == null ? null : finding.locationType().name())
                .set(RECONCILIATION_BREAK.ACCOUNT_CODE, finding.accountCode())
                .set(RECONCILIATION_BREAK.REFERENCE, finding.reference())
                .set(RECONCILIATION_BREAK.EXPECTED, finding.expected())
                .set(RECONCILIATION_BREAK.ACTUAL, finding.actual())
                .set(RECONCILIATION_BREAK.DIFFERENCE, finding.difference())
                .set(RECONCILIATION_BREAK.EXPLANATION, finding.explanation())
                .set(RECONCILIATION_BREAK.STATUS, BreakStatus.OPEN.name())
                .set(RECONCILIATION_BREAK.FIRST_RUN_ID, runId)
                .set(RECONCILIATION_BREAK.LAST_RUN_ID, runId)
                .set(RECONCILIATION_BREAK.OPENED_AT, at)
                .returning(RECONCILIATION_BREAK.ID).fetchOne(RECONCILIATION_BREAK.ID);
    }

    /** The break is still there: it keeps its identity, with the figures of the latest run. */
    void seenAgain(long breakId, Finding finding, long runId) {
        db.update(RECONCILIATION_BREAK)
                .set(RECONCILIATION_BREAK.EXPECTED, finding.expected())
                .set(RECONCILIATION_BREAK.ACTUAL, finding.actual())
                .set(RECONCILIATION_BREAK.DIFFERENCE, finding.difference())
                .set(RECONCILIATION_BREAK.EXPLANATION, finding.explanation())
                .set(RECONCILIATION_BREAK.LAST_RUN_ID, runId)
                .where(RECONCILIATION_BREAK.ID.eq(breakId)).execute();
    }

    void resolve(long breakId, BreakStatus status, String by, OffsetDateTime at, String comment, Long adjustmentMoveId) {
        db.update(RECONCILIATION_BREAK)
                .set(RECONCILIATION_BREAK.STATUS, status.name())
                .set(RECONCILIATION_BREAK.RESOLVED_BY, by)
                .set(RECONCILIATION_BREAK.RESOLVED_AT, at)
                .set(RECONCILIATION_BREAK.RESOLUTION_COMMENT, comment)
                .set(RECONCILIATION_BREAK.ADJUSTMENT_MOVE_ID, adjustmentMoveId)
                .where(RECONCILIATION_BREAK.ID.eq(breakId)).execute();
    }

    Optional<ReconciliationBreakRecord> find(long breakId) {
        return db.selectFrom(RECONCILIATION_BREAK).where(RECONCILIATION_BREAK.ID.eq(breakId)).fetchOptional();
    }

    List<ReconciliationBreakRecord> breaks(BreakStatus status) {
        var query = db.selectFrom(RECONCILIATION_BREAK);
        return (status == null ? query : query.where(RECONCILIATION_BREAK.STATUS.eq(status.name())))
                .orderBy(RECONCILIATION_BREAK.ID).fetch();
    }
}
