package org.openreturns.refunds;

import static org.openreturns.db.Tables.CREDIT_NOTE;
import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.INSPECTION;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.REFUND_EVENT;
import static org.openreturns.db.Tables.REFUND_EXCEPTION;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.openreturns.db.Routines;
import org.openreturns.db.tables.records.InspectionRecord;
import org.openreturns.db.tables.records.RefundExceptionRecord;
import org.openreturns.db.tables.records.RefundRecord;
import org.springframework.stereotype.Repository;

@Repository
class RefundRepository {

    private final DSLContext db;

    RefundRepository(DSLContext db) {
        this.db = db;
    }

    /** What a refund of a return line is computed from, and whom it pays. */
    record LineFacts(UUID returnId, int lineNo, String rmaNumber, long unitPriceMinor, int quantity,
                     Integer receivedQuantity, String currency, String customerId, String customerEmail) {

        /** The units refunded: those returned, or fewer when fewer arrived. */
        int refundedQuantity() {
            return receivedQuantity == null ? quantity : Math.min(quantity, receivedQuantity);
        }
    }

    Optional<LineFacts> line(UUID returnId, int lineNo) {
        return db.select(RETURN_LINE.RETURN_ID, RETURN_LINE.LINE_NO, RETURN_REQUEST.RMA_NUMBER,
                        SALES_ORDER_LINE.UNIT_PRICE_MINOR, RETURN_LINE.QUANTITY, RETURN_LINE.RECEIVED_QUANTITY,
                        SALES_ORDER.CURRENCY, CUSTOMER.ID, CUSTOMER.EMAIL)
                .from(RETURN_LINE)
                .join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(RETURN_LINE.RETURN_ID))
                .join(SALES_ORDER_LINE).on(SALES_ORDER_LINE.ORDER_ID.eq(RETURN_LINE.ORDER_ID)
                        .and(SALES_ORDER_LINE.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_LINE.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .where(RETURN_LINE.RETURN_ID.eq(returnId)).and(RETURN_LINE.LINE_NO.eq(lineNo))
                .fetchOptional(row -> new LineFacts(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7(), row.value8(), row.value9()));
    }

    boolean returnExists(UUID returnId) {
        return db.fetchExists(RETURN_REQUEST, RETURN_REQUEST.ID.eq(returnId));
    }

    /** Inserts the refund unless its idempotency key or its line has one already; the id when inserted now. */
    Optional<Long> insertHeld(HoldRequest request, LineFacts line, long grossMinor, long amountMinor, String heldBy,
                              OffsetDateTime at) {
        return db.insertInto(REFUND)
                .set(REFUND.IDEMPOTENCY_KEY, request.idempotencyKey())
                .set(REFUND.RETURN_ID, request.returnId())
                .set(REFUND.RETURN_LINE_NO, request.lineNo())
                .set(REFUND.DECISION, request.decision().name())
                .set(REFUND.CURRENCY, line.currency())
                .set(REFUND.GROSS_MINOR, grossMinor)
                .set(REFUND.DEDUCTION_MINOR, request.deductionMinor())
                .set(REFUND.DEDUCTION_TYPE, request.deductionType() == null ? null : request.deductionType().name())
                .set(REFUND.AMOUNT_MINOR, amountMinor)
                .set(REFUND.STATUS, RefundStatus.HELD.name())
                .set(REFUND.HELD_BY, heldBy)
                .set(REFUND.HELD_AT, at)
                .onConflictDoNothing()
                .returning(REFUND.ID)
                .fetchOptional(REFUND.ID);
    }

    Optional<RefundRecord> findByKey(String idempotencyKey) {
        return db.selectFrom(REFUND).where(REFUND.IDEMPOTENCY_KEY.eq(idempotencyKey)).fetchOptional();
    }

    Optional<RefundRecord> findByLine(UUID returnId, int lineNo) {
        return db.selectFrom(REFUND).where(REFUND.RETURN_ID.eq(returnId)).and(REFUND.RETURN_LINE_NO.eq(lineNo))
                .fetchOptional();
    }

    Optional<RefundRecord> findForUpdate(long refundId) {
        return db.selectFrom(REFUND).where(REFUND.ID.eq(refundId)).forUpdate().fetchOptional();
    }

    void markApproved(long refundId, String approvedBy, OffsetDateTime at) {
        db.update(REFUND)
                .set(REFUND.STATUS, RefundStatus.APPROVED.name())
                .set(REFUND.APPROVED_BY, approvedBy)
                .set(REFUND.APPROVED_AT, at)
                .where(REFUND.ID.eq(refundId))
                .execute();
    }

    void markReleased(long refundId, String releasedBy, OffsetDateTime at, String gateway, String reference) {
        db.update(REFUND)
                .set(REFUND.STATUS, RefundStatus.RELEASED.name())
                .set(REFUND.RELEASED_BY, releasedBy)
                .set(REFUND.RELEASED_AT, at)
                .set(REFUND.GATEWAY, gateway)
                .set(REFUND.GATEWAY_REFERENCE, reference)
                .where(REFUND.ID.eq(refundId))
                .execute();
    }

    void markFailed(long refundId, String failedBy, OffsetDateTime at, String gateway, String reason) {
        db.update(REFUND)
                .set(REFUND.STATUS, RefundStatus.FAILED.name())
                .set(REFUND.FAILED_BY, failedBy)
                .set(REFUND.FAILED_AT, at)
                .set(REFUND.GATEWAY, gateway)
                .set(REFUND.FAILURE_REASON, reason)
                .where(REFUND.ID.eq(refundId))
                .execute();
    }

    void insertEvent(long refundId, OffsetDateTime at, String actor, RefundStatus from, RefundStatus to,
                     String reason) {
        db.insertInto(REFUND_EVENT)
                .set(REFUND_EVENT.REFUND_ID, refundId)
                .set(REFUND_EVENT.OCCURRED_AT, at)
                .set(REFUND_EVENT.ACTOR, actor)
                .set(REFUND_EVENT.FROM_STATUS, from == null ? null : from.name())
                .set(REFUND_EVENT.TO_STATUS, to.name())
                .set(REFUND_EVENT.REASON, reason)
                .execute();
    }

    /** The database's own rule (function {@code refund_release_allowed}), so service and trigger never disagree. */
    boolean releaseAllowed(UUID returnId, int lineNo) {
        return Boolean.TRUE.equals(Routines.refundReleaseAllowed(db.configuration(), returnId, lineNo));
    }

    Optional<InspectionRecord> inspection(UUID returnId, int lineNo) {
        return db.selectFrom(INSPECTION).where(INSPECTION.RETURN_ID.eq(returnId)).and(INSPECTION.LINE_NO.eq(lineNo))
                .fetchOptional();
    }

    // --- credit notes

    String nextCreditNoteNumber(int year) {
        return "CN-%d-%06d".formatted(year, db.nextval("credit_note_number_seq").longValue());
    }

    void insertCreditNote(String number, long refundId, long amountMinor, String currency, OffsetDateTime at,
                          String issuedBy) {
        db.insertInto(CREDIT_NOTE)
                .set(CREDIT_NOTE.NUMBER, number)
                .set(CREDIT_NOTE.REFUND_ID, refundId)
                .set(CREDIT_NOTE.AMOUNT_MINOR, amountMinor)
                .set(CREDIT_NOTE.CURRENCY, currency)
                .set(CREDIT_NOTE.ISSUED_AT, at)
                .set(CREDIT_NOTE.ISSUED_BY, issuedBy)
                .execute();
    }

    boolean hasCreditNote(long refundId) {
        return db.fetchExists(CREDIT_NOTE, CREDIT_NOTE.REFUND_ID.eq(refundId));
    }

    // --- exceptions

    RefundExceptionView insertException(UUID returnId, int lineNo, String reason, String requestedBy,
                                        OffsetDateTime at) {
        return exceptionView(db.insertInto(REFUND_EXCEPTION)
                .set(REFUND_EXCEPTION.RETURN_ID, returnId)
                .set(REFUND_EXCEPTION.RETURN_LINE_NO, lineNo)
                .set(REFUND_EXCEPTION.REASON, reason)
                .set(REFUND_EXCEPTION.REQUESTED_BY, requestedBy)
                .set(REFUND_EXCEPTION.REQUESTED_AT, at)
                .returning()
                .fetchOne());
    }

    Optional<RefundExceptionRecord> findExceptionForUpdate(long exceptionId) {
        return db.selectFrom(REFUND_EXCEPTION).where(REFUND_EXCEPTION.ID.eq(exceptionId)).forUpdate()
                .fetchOptional();
    }

    RefundExceptionView approveException(long exceptionId, String approvedBy, OffsetDateTime at) {
        return exceptionView(db.update(REFUND_EXCEPTION)
                .set(REFUND_EXCEPTION.APPROVED_BY, approvedBy)
                .set(REFUND_EXCEPTION.APPROVED_AT, at)
                .where(REFUND_EXCEPTION.ID.eq(exceptionId))
                .returning()
                .fetchOne());
    }

    List<RefundExceptionView> exceptionsOf(UUID returnId) {
        return db.selectFrom(REFUND_EXCEPTION).where(REFUND_EXCEPTION.RETURN_ID.eq(returnId))
                .orderBy(REFUND_EXCEPTION.ID).fetch(RefundRepository::exceptionView);
    }

    static RefundExceptionView exceptionView(RefundExceptionRecord stored) {
        return new RefundExceptionView(stored.getId(), stored.getReturnId(), stored.getReturnLineNo(),
                stored.getReason(), stored.getRequestedBy(), stored.getRequestedAt(), stored.getApprovedBy(),
                stored.getApprovedAt());
    }

    // --- views

    List<RefundView> refunds(Condition condition) {
        var refunds = db.select(REFUND.asterisk(), RETURN_REQUEST.RMA_NUMBER)
                .from(REFUND).join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(REFUND.RETURN_ID))
                .where(condition).orderBy(REFUND.RETURN_LINE_NO, REFUND.ID).fetch();
        List<Long> ids = refunds.map(row -> row.get(REFUND.ID));
        Map<Long, RefundView.CreditNote> creditNotes = db.selectFrom(CREDIT_NOTE).where(CREDIT_NOTE.REFUND_ID.in(ids))
                .fetchMap(CREDIT_NOTE.REFUND_ID, note -> new RefundView.CreditNote(note.getNumber(),
                        note.getAmountMinor(), note.getCurrency(), note.getIssuedAt()));
        Map<Long, List<RefundView.Change>> history = db.selectFrom(REFUND_EVENT).where(REFUND_EVENT.REFUND_ID.in(ids))
                .orderBy(REFUND_EVENT.ID)
                .fetchGroups(REFUND_EVENT.REFUND_ID, event -> new RefundView.Change(event.getOccurredAt(),
                        event.getActor(), event.getFromStatus() == null ? null
                        : RefundStatus.valueOf(event.getFromStatus()), RefundStatus.valueOf(event.getToStatus()),
                        event.getReason()));
        return refunds.map(row -> {
            RefundRecord refund = row.into(REFUND);
            return new RefundView(refund.getId(), refund.getReturnId(), row.get(RETURN_REQUEST.RMA_NUMBER),
                    refund.getReturnLineNo(), RefundDecision.valueOf(refund.getDecision()), refund.getCurrency(),
                    refund.getGrossMinor(), refund.getDeductionMinor(),
                    refund.getDeductionType() == null ? null : DeductionType.valueOf(refund.getDeductionType()),
                    refund.getAmountMinor(), RefundStatus.valueOf(refund.getStatus()), refund.getGateway(),
                    refund.getGatewayReference(), refund.getFailureReason(), creditNotes.get(refund.getId()),
                    history.getOrDefault(refund.getId(), List.of()));
        });
    }

    Optional<RefundView> refund(long refundId) {
        return refunds(REFUND.ID.eq(refundId)).stream().findFirst();
    }

    List<RefundView> refundsOf(UUID returnId) {
        return refunds(REFUND.RETURN_ID.eq(returnId));
    }
}
