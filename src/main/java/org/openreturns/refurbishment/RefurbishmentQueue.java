package org.openreturns.refurbishment;

import static org.openreturns.db.Tables.REFURBISHMENT_JOB;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.RefurbishmentJobRecord;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveException;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Codes;
import org.openreturns.system.ConflictException;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units a return sent to refurbishment wait in the warehouse's REFURBISHMENT location as open jobs. Completing a job
 * reclassifies the unit: back to SELLABLE (Dr 1300 / Cr 1320) or scrapped (Dr 5100 / Cr 1320).
 */
@Service
public class RefurbishmentQueue {


    private final DSLContext db;
    private final StockLedger ledger;
    private final CatalogService catalog;
    private final ReturnService returns;
    private final Clock clock;

    RefurbishmentQueue(DSLContext db, StockLedger ledger, CatalogService catalog, ReturnService returns, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.catalog = catalog;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * Queues the units of every line of a resolved return that goes to refurbishment; a repeated delivery of the step
     * answers the jobs already queued.
     */
    @Transactional
    public void enqueueForReturn(UUID returnId) {
        String warehouse = returns.orderOf(returnId).warehouse();
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() == Disposition.REFURBISH) {
                enqueue(returnId, line.lineNo(), line.receivedSku(), line.receivedSerial(), line.receivedQuantity(),
                        warehouse, ReturnService.SYSTEM_ACTOR);
            }
        }
    }

    /** Queues the line's units, already in REFURBISHMENT; queuing the same line again answers the same job. */
    @Transactional
    public long enqueue(UUID returnId, int lineNo, String sku, String serial, int quantity, String warehouseCode,
                        String actor) {
        db.insertInto(REFURBISHMENT_JOB)
                .set(REFURBISHMENT_JOB.RETURN_ID, returnId)
                .set(REFURBISHMENT_JOB.RETURN_LINE_NO, lineNo)
                .set(REFURBISHMENT_JOB.SKU, sku)
                .set(REFURBISHMENT_JOB.SERIAL, serial)
                .set(REFURBISHMENT_JOB.QUANTITY, quantity)
                .set(REFURBISHMENT_JOB.WAREHOUSE, warehouseCode)
                .set(REFURBISHMENT_JOB.STATUS, RefurbishmentJobStatus.OPEN.name())
                .set(REFURBISHMENT_JOB.CREATED_BY, actor)
                .set(REFURBISHMENT_JOB.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        return db.select(REFURBISHMENT_JOB.ID).from(REFURBISHMENT_JOB)
                .where(REFURBISHMENT_JOB.RETURN_ID.eq(returnId)).and(REFURBISHMENT_JOB.RETURN_LINE_NO.eq(lineNo))
                .fetchSingle(REFURBISHMENT_JOB.ID);
    }

    /**
     * Completes a job with its outcome. Completing it again with the same outcome changes nothing; with another
     * outcome it is a conflict.
     */
    @Transactional
    public RefurbishmentJobView complete(long jobId, RefurbishmentOutcome outcome, String notes, String actor) {
        RefurbishmentJobRecord job = db.selectFrom(REFURBISHMENT_JOB).where(REFURBISHMENT_JOB.ID.eq(jobId))
                .forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("jobId", "No refurbishment job " + jobId));
        String result = outcome == RefurbishmentOutcome.RESTOCK ? "RESTOCKED" : "SCRAPPED";
        if (RefurbishmentJobStatus.valueOf(job.getStatus()) == RefurbishmentJobStatus.DONE) {
            if (!result.equals(job.getOutcome())) {
                throw new ConflictException("Refurbishment job " + jobId + " was completed as " + job.getOutcome());
            }
            return view(job);
        }
        LocationType destination = outcome == RefurbishmentOutcome.RESTOCK ? LocationType.SELLABLE
                : LocationType.SCRAPPED;
        try {
            ledger.record(StockMoveRequest.between("refurbishment-" + jobId, job.getSku(), job.getSerial(),
                    job.getQuantity(), catalog.locationId(job.getWarehouse(), LocationType.REFURBISHMENT),
                    catalog.locationId(job.getWarehouse(), destination),
                    outcome == RefurbishmentOutcome.RESTOCK ? MoveReason.REFURBISHED : MoveReason.SCRAP,
                    Reference.returnLine(job.getReturnId(), job.getReturnLineNo()), actor));
        } catch (StockMoveException refused) {
            // The unit was moved out of refurbishment some other way (a count adjustment, a transfer): the job
            // cannot be completed as it stands, and someone has to look at it.
            throw new ConflictException("Refurbishment job " + jobId + " cannot be completed: " + refused.getMessage());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(REFURBISHMENT_JOB)
                .set(REFURBISHMENT_JOB.STATUS, RefurbishmentJobStatus.DONE.name())
                .set(REFURBISHMENT_JOB.OUTCOME, result)
                .set(REFURBISHMENT_JOB.NOTES, notes == null || notes.isBlank() ? null : notes.strip())
                .set(REFURBISHMENT_JOB.COMPLETED_BY, actor)
                .set(REFURBISHMENT_JOB.COMPLETED_AT, now)
                .where(REFURBISHMENT_JOB.ID.eq(jobId))
                .execute();
        returns.recordLocation(job.getReturnId(), job.getReturnLineNo(), destination);
        returns.note(job.getReturnId(), actor, outcome == RefurbishmentOutcome.RESTOCK ? "REFURBISHED"
                : "REFURBISHMENT_SCRAPPED", "Line " + job.getReturnLineNo() + ": " + job.getQuantity() + " x "
                + job.getSku() + (outcome == RefurbishmentOutcome.RESTOCK ? " refurbished and back in sellable stock"
                : " could not be refurbished and was scrapped") + (notes == null || notes.isBlank() ? ""
                : "; " + notes.strip()));
        return view(db.selectFrom(REFURBISHMENT_JOB).where(REFURBISHMENT_JOB.ID.eq(jobId)).fetchSingle());
    }

    /** Jobs by status (OPEN or DONE; all when null), optionally of one warehouse, oldest first. */
    @Transactional(readOnly = true)
    public List<RefurbishmentJobView> jobs(String status, String warehouse) {
        Condition condition = DSL.noCondition();
        if (status != null) {
            RefurbishmentJobStatus wanted = Codes.parse(RefurbishmentJobStatus.class, status)
                    .orElseThrow(() -> new RuleViolationException("status", "must be OPEN or DONE"));
            condition = condition.and(REFURBISHMENT_JOB.STATUS.eq(wanted.name()));
        }
        if (warehouse != null) {
            condition = condition.and(REFURBISHMENT_JOB.WAREHOUSE.eq(warehouse));
        }
        return db.selectFrom(REFURBISHMENT_JOB).where(condition).orderBy(REFURBISHMENT_JOB.ID)
                .fetch(RefurbishmentQueue::view);
    }

    private static RefurbishmentJobView view(RefurbishmentJobRecord job) {
        return new RefurbishmentJobView(job.getId(), job.getReturnId(), job.getReturnLineNo(), job.getSku(),
                job.getSerial(), job.getQuantity(), job.getWarehouse(), RefurbishmentJobStatus.valueOf(job.getStatus()),
                job.getOutcome(), job.getNotes(), job.getCreatedBy(), job.getCreatedAt(), job.getCompletedBy(),
                job.getCompletedAt());
    }
}
