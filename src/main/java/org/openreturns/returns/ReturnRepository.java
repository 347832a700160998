package org.openreturns.returns;

import static org.openreturns.db.Tables.CUSTOMER_NOTIFICATION;
import static org.openreturns.db.Tables.INSPECTION;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_EVENT;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.ReturnRequestRecord;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.RefundDecision;
import org.springframework.stereotype.Repository;

@Repository
class ReturnRepository {

    private final DSLContext db;

    ReturnRepository(DSLContext db) {
        this.db = db;
    }

    String nextRmaNumber(int year) {
        long next = db.nextval("rma_number_seq").longValue();
        return "RMA-%d-%06d".formatted(year, next);
    }

    void insertReturn(UUID id, String rmaNumber, long orderId, ReturnStatus status, String customerMessage,
                      String requestedBy, String channelReturnId, OffsetDateTime now) {
        db.insertInto(RETURN_REQUEST)
                .set(RETURN_REQUEST.ID, id)
                .set(RETURN_REQUEST.RMA_NUMBER, rmaNumber)
                .set(RETURN_REQUEST.ORDER_ID, orderId)
                .set(RETURN_REQUEST.STATUS, status.name())
                .set(RETURN_REQUEST.CUSTOMER_MESSAGE, customerMessage)
                .set(RETURN_REQUEST.REQUESTED_BY, requestedBy)
                .set(RETURN_REQUEST.CHANNEL_RETURN_ID, channelReturnId)
                .set(RETURN_REQUEST.REQUESTED_AT, now)
                .set(RETURN_REQUEST.STATUS_CHANGED_AT, now)
                .execute();
    }

    void insertLine(UUID returnId, long orderId, ReturnRequest.Line line) {
        db.insertInto(RETURN_LINE)
                .set(RETURN_LINE.RETURN_ID, returnId)
                .set(RETURN_LINE.ORDER_ID, orderId)
                .set(RETURN_LINE.LINE_NO, line.lineNo())
                .set(RETURN_LINE.QUANTITY, line.quantity())
                .set(RETURN_LINE.REASON_CODE, line.reasonCode() == null ? null : line.reasonCode().name())
                .set(RETURN_LINE.DECLARED_CONDITION,
                        line.declaredCondition() == null ? null : line.declaredCondition().name())
                .execute();
    }

    /** Quantity of each line of the order that open or completed returns already hold. */
    Map<Integer, Integer> quantityHeldByReturns(long orderId) {
        Field<Integer> held = DSL.sum(RETURN_LINE.QUANTITY).cast(Integer.class).as("held");
        return db.select(RETURN_LINE.LINE_NO, held)
                .from(RETURN_LINE).join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(RETURN_LINE.RETURN_ID))
                .where(RETURN_LINE.ORDER_ID.eq(orderId))
                .and(RETURN_REQUEST.STATUS.notIn(ReturnStatus.RELEASING_QUANTITY.stream().map(Enum::name).toList()))
                .groupBy(RETURN_LINE.LINE_NO)
                .fetchMap(RETURN_LINE.LINE_NO, held);
    }

    Optional<ReturnRequestRecord> find(UUID id) {
        return db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(id)).fetchOptional();
    }

    /** The return of the order that the channel authorised under its own id. */
    Optional<ReturnRequestRecord> findByChannelReturnId(long orderId, String channelReturnId) {
        return db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.ORDER_ID.eq(orderId))
                .and(RETURN_REQUEST.CHANNEL_RETURN_ID.eq(channelReturnId)).fetchOptional();
    }

    Optional<ReturnRequestRecord> findForUpdate(UUID id) {
        return db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(id)).forUpdate().fetchOptional();
    }

    Optional<ReturnRequestRecord> findByRma(String rmaNumber) {
        return db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.RMA_NUMBER.eq(rmaNumber)).fetchOptional();
    }

    void updateStatus(UUID id, ReturnStatus status, OffsetDateTime now) {
        db.update(RETURN_REQUEST)
                .set(RETURN_REQUEST.STATUS, status.name())
                .set(RETURN_REQUEST.STATUS_CHANGED_AT, now)
                .where(RETURN_REQUEST.ID.eq(id))
                .execute();
    }

    void recordReceivedItem(UUID returnId, int lineNo, String sku, String serial, int quantity) {
        db.update(RETURN_LINE)
                .set(RETURN_LINE.RECEIVED_SKU, sku)
                .set(RETURN_LINE.RECEIVED_SERIAL, serial)
                .set(RETURN_LINE.RECEIVED_QUANTITY, quantity)
                .where(RETURN_LINE.RETURN_ID.eq(returnId)).and(RETURN_LINE.LINE_NO.eq(lineNo))
                .execute();
    }

    /** Sets the return's risk score unless it has one; answers whether it was set now. */
    boolean recordRisk(UUID returnId, int score, List<String> signals, OffsetDateTime at) {
        return db.update(RETURN_REQUEST)
                .set(RETURN_REQUEST.RISK_SCORE, score)
                .set(RETURN_REQUEST.RISK_SIGNALS, signals.toArray(String[]::new))
                .set(RETURN_REQUEST.RISK_SCORED_AT, at)
                .where(RETURN_REQUEST.ID.eq(returnId)).and(RETURN_REQUEST.RISK_SCORE.isNull())
                .execute() == 1;
    }

    Optional<ReturnDetails.Risk> risk(UUID returnId) {
        return db.select(RETURN_REQUEST.RISK_SCORE, RETURN_REQUEST.RISK_SIGNALS, RETURN_REQUEST.RISK_SCORED_AT)
                .from(RETURN_REQUEST)
                .where(RETURN_REQUEST.ID.eq(returnId)).and(RETURN_REQUEST.RISK_SCORE.isNotNull())
                .fetchOptional(row -> new ReturnDetails.Risk(row.value1(), List.of(row.value2()), row.value3()));
    }

    void insertEvent(UUID returnId, OffsetDateTime at, String actor, String type, ReturnStatus from,
                     ReturnStatus to, String detail) {
        db.insertInto(RETURN_EVENT)
                .set(RETURN_EVENT.RETURN_ID, returnId)
                .set(RETURN_EVENT.OCCURRED_AT, at)
                .set(RETURN_EVENT.ACTOR, actor)
                .set(RETURN_EVENT.TYPE, type)
                .set(RETURN_EVENT.FROM_STATUS, from == null ? null : from.name())
                .set(RETURN_EVENT.TO_STATUS, to == null ? null : to.name())
                .set(RETURN_EVENT.DETAIL, detail)
                .execute();
    }

    /** The lines of a return with what the order sold, what arrived and, read from quality's table, the grade. */
    List<ReturnLineView> lines(UUID returnId) {
        return db.select(RETURN_LINE.LINE_NO, SALES_ORDER_LINE.SKU, RETURN_LINE.QUANTITY, RETURN_LINE.REASON_CODE,
                        RETURN_LINE.DECLARED_CONDITION, SALES_ORDER_LINE.SERIALS, SALES_ORDER_LINE.UNIT_PRICE_MINOR,
                        RETURN_LINE.RECEIVED_SKU, RETURN_LINE.RECEIVED_SERIAL, RETURN_LINE.RECEIVED_QUANTITY,
                        INSPECTION.GRADE, RETURN_LINE.DISPOSITION, RETURN_LINE.ELIGIBILITY,
                        RETURN_LINE.REFUND_DECISION, RETURN_LINE.DEDUCTION_TYPE, RETURN_LINE.DEDUCTION_PERCENT,
                        RETURN_LINE.LOCATION_TYPE)
                .from(RETURN_LINE)
                .join(SALES_ORDER_LINE).on(SALES_ORDER_LINE.ORDER_ID.eq(RETURN_LINE.ORDER_ID)
                        .and(SALES_ORDER_LINE.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .leftJoin(INSPECTION).on(INSPECTION.RETURN_ID.eq(RETURN_LINE.RETURN_ID)
                        .and(INSPECTION.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .where(RETURN_LINE.RETURN_ID.eq(returnId))
                .orderBy(RETURN_LINE.LINE_NO)
                .fetch(row -> new ReturnLineView(row.get(RETURN_LINE.LINE_NO), row.get(SALES_ORDER_LINE.SKU),
                        row.get(RETURN_LINE.QUANTITY), row.get(RETURN_LINE.REASON_CODE),
                        row.get(RETURN_LINE.DECLARED_CONDITION), Arrays.asList(row.get(SALES_ORDER_LINE.SERIALS)),
                        row.get(SALES_ORDER_LINE.UNIT_PRICE_MINOR), row.get(RETURN_LINE.RECEIVED_SKU),
                        row.get(RETURN_LINE.RECEIVED_SERIAL), row.get(RETURN_LINE.RECEIVED_QUANTITY),
                        valueOrNull(Grade.class, row.get(INSPECTION.GRADE)),
                        valueOrNull(Disposition.class, row.get(RETURN_LINE.DISPOSITION)),
                        valueOrNull(Eligibility.class, row.get(RETURN_LINE.ELIGIBILITY)),
                        valueOrNull(RefundDecision.class, row.get(RETURN_LINE.REFUND_DECISION)),
                        valueOrNull(DeductionType.class, row.get(RETURN_LINE.DEDUCTION_TYPE)),
                        row.get(RETURN_LINE.DEDUCTION_PERCENT),
                        valueOrNull(LocationType.class, row.get(RETURN_LINE.LOCATION_TYPE))));
    }

    /** The columns hold the enums' names; a value not decided yet is null. */
    private static <E extends Enum<E>> E valueOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Whether the latest entry of the return's timeline is this one (by actor, type and detail). */
    boolean latestEventIs(UUID returnId, String actor, String type, String detail) {
        return db.selectFrom(RETURN_EVENT).where(RETURN_EVENT.RETURN_ID.eq(returnId)).orderBy(RETURN_EVENT.ID.desc())
                .limit(1).fetchOptional()
                .filter(event -> actor.equals(event.getActor()) && type.equals(event.getType())
                        && detail.equals(event.getDetail()))
                .isPresent();
    }

    List<ReturnDetails.TimelineEntry> timeline(UUID returnId) {
        return db.selectFrom(RETURN_EVENT).where(RETURN_EVENT.RETURN_ID.eq(returnId)).orderBy(RETURN_EVENT.ID)
                .fetch(event -> new ReturnDetails.TimelineEntry(event.getOccurredAt(), event.getActor(),
                        event.getType(), valueOrNull(ReturnStatus.class, event.getFromStatus()),
                        valueOrNull(ReturnStatus.class, event.getToStatus()), event.getDetail()));
    }

    /** What the customer was told about the return, oldest first, read from the notifications' table. */
    List<ReturnDetails.Notification> notifications(UUID returnId) {
        return db.selectFrom(CUSTOMER_NOTIFICATION).where(CUSTOMER_NOTIFICATION.RETURN_ID.eq(returnId))
                .orderBy(CUSTOMER_NOTIFICATION.ID)
                .fetch(row -> new ReturnDetails.Notification(row.getReturnId(), row.getType(), row.getRecipient(),
                        row.getMessage(), row.getSentAt()));
    }

    /**
     * The refund of the return, read from the refunds' table: one decision when all lines share it
     * ({@code MIXED} otherwise), the amounts added up, and the status of the line furthest behind.
     */
    Optional<ReturnDetails.Refund> refund(UUID returnId) {
        List<Record3<String, Long, String>> refunds = db.select(REFUND.DECISION, REFUND.AMOUNT_MINOR,
                        REFUND.STATUS).from(REFUND).where(REFUND.RETURN_ID.eq(returnId)).fetch();
        if (refunds.isEmpty()) {
            return Optional.empty();
        }
        List<String> progress = List.of("FAILED", "HELD", "APPROVED", "RELEASED");
        String decision = refunds.stream().map(Record3::value1).distinct().count() == 1
                ? refunds.get(0).value1() : "MIXED";
        long amount = refunds.stream().mapToLong(Record3::value2).sum();
        String status = refunds.stream().map(Record3::value3)
                .min(Comparator.comparingInt(progress::indexOf)).orElseThrow();
        return Optional.of(new ReturnDetails.Refund(decision, amount, status));
    }

    Optional<OrderReference> orderOf(UUID returnId) {
        return db.select(SALES_ORDER.ORDER_NUMBER, SALES_ORDER.CHANNEL, SALES_ORDER.CURRENCY, SALES_ORDER.WAREHOUSE)
                .from(RETURN_REQUEST).join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .where(RETURN_REQUEST.ID.eq(returnId))
                .fetchOptional(row -> new OrderReference(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    long orderIdOf(UUID returnId) {
        return db.select(RETURN_REQUEST.ORDER_ID).from(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(returnId))
                .fetchSingle(RETURN_REQUEST.ORDER_ID);
    }

    Optional<String> customerMessage(UUID returnId) {
        return db.select(RETURN_REQUEST.CUSTOMER_MESSAGE).from(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(returnId))
                .fetchOptional(RETURN_REQUEST.CUSTOMER_MESSAGE);
    }

    void recordEligibility(UUID returnId, int lineNo, Eligibility eligibility, String reason) {
        db.update(RETURN_LINE)
                .set(RETURN_LINE.ELIGIBILITY, eligibility.name())
                .set(RETURN_LINE.ELIGIBILITY_REASON, reason)
                .where(RETURN_LINE.RETURN_ID.eq(returnId)).and(RETURN_LINE.LINE_NO.eq(lineNo))
                .execute();
    }

    /** The customer's other returns, newest first, one line each: RMA, date, status and what was returned. */
    List<String> otherReturnsOfCustomer(String customerId, UUID returnId) {
        return db.select(RETURN_REQUEST.RMA_NUMBER, RETURN_REQUEST.REQUESTED_AT, RETURN_REQUEST.STATUS,
                        DSL.listAgg(SALES_ORDER_LINE.SKU, ", ").withinGroupOrderBy(SALES_ORDER_LINE.SKU).as("skus"))
                .from(RETURN_REQUEST)
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(RETURN_LINE).on(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID))
                .join(SALES_ORDER_LINE).on(SALES_ORDER_LINE.ORDER_ID.eq(RETURN_LINE.ORDER_ID)
                        .and(SALES_ORDER_LINE.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .where(SALES_ORDER.CUSTOMER_ID.eq(customerId)).and(RETURN_REQUEST.ID.ne(returnId))
                .groupBy(RETURN_REQUEST.ID, RETURN_REQUEST.RMA_NUMBER, RETURN_REQUEST.REQUESTED_AT,
                        RETURN_REQUEST.STATUS)
                .orderBy(RETURN_REQUEST.REQUESTED_AT.desc())
                .limit(20)
                .fetch(row -> row.value1() + " of " + row.value2().toLocalDate() + ": " + row.value3() + " ("
                        + row.value4() + ")");
    }

    void recordDecision(UUID returnId, int lineNo, LineDecision decision) {
        db.update(RETURN_LINE)
                .set(RETURN_LINE.DISPOSITION, decision.disposition().name())
                .set(RETURN_LINE.REFUND_DECISION, decision.refundDecision().name())
                .set(RETURN_LINE.DEDUCTION_TYPE, decision.deductionType() == null ? null : decision.deductionType().name())
                .set(RETURN_LINE.DEDUCTION_PERCENT, decision.deductionPercent())
                .set(RETURN_LINE.DECISION_REASON, decision.reason())
                .where(RETURN_LINE.RETURN_ID.eq(returnId)).and(RETURN_LINE.LINE_NO.eq(lineNo))
                .execute();
    }

    void recordLocation(UUID returnId, int lineNo, LocationType locationType) {
        db.update(RETURN_LINE)
                .set(RETURN_LINE.LOCATION_TYPE, locationType.name())
                .where(RETURN_LINE.RETURN_ID.eq(returnId)).and(RETURN_LINE.LINE_NO.eq(lineNo))
                .execute();
    }

    void recordApprovalReason(UUID returnId, String reason) {
        db.update(RETURN_REQUEST).set(RETURN_REQUEST.APPROVAL_REASON, reason)
                .where(RETURN_REQUEST.ID.eq(returnId)).execute();
    }

    Optional<String> approvalReason(UUID returnId) {
        return db.select(RETURN_REQUEST.APPROVAL_REASON).from(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(returnId))
                .fetchOptional(RETURN_REQUEST.APPROVAL_REASON);
    }
}
