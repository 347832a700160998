package org.openreturns.privacy;

import static org.jooq.impl.DSL.selectOne;
import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.CUSTOMER_NOTIFICATION;
import static org.openreturns.db.Tables.ERASURE;
import static org.openreturns.db.Tables.AI_MODEL_VERSION;
import static org.openreturns.db.Tables.IDEMPOTENCY_KEY;
import static org.openreturns.db.Tables.INSPECTION;
import static org.openreturns.db.Tables.PARCEL_RECEIPT;
import static org.openreturns.db.Tables.REASON_LABEL;
import static org.openreturns.db.Tables.RETURN_EVENT;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.openreturns.db.tables.records.CustomerRecord;
import org.openreturns.process.ProcessVariableErasure;
import org.springframework.stereotype.Repository;

/** The customer's personal data in the application's tables, and the record of its erasures. */
@Repository
class ErasureRepository {

    static final String ERASED = ProcessVariableErasure.ERASED;

    private final DSLContext db;

    ErasureRepository(DSLContext db) {
        this.db = db;
    }

    /** A return of the customer, with what of it the erasure needs. */
    record CustomerReturn(UUID id, String rmaNumber, String status, String customerMessage) {
    }

    /** A timeline entry's detail text. */
    record TimelineDetail(long id, UUID returnId, String detail) {
    }

    /** The evidence references and notes of a line's inspection, which its timeline entry copies. */
    record InspectionText(UUID returnId, int lineNo, List<String> evidence, String notes) {
    }

    /**
     * The customer, locked until the erasure commits, together with their orders: no order is ingested for them and
     * no return requested against their orders in the meantime.
     */
    Optional<CustomerRecord> lockCustomer(String customerId) {
        Optional<CustomerRecord> customer = db.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(customerId)).forUpdate()
                .fetchOptional();
        customer.ifPresent(found -> db.select(SALES_ORDER.ID).from(SALES_ORDER)
                .where(SALES_ORDER.CUSTOMER_ID.eq(customerId)).forUpdate().fetch());
        return customer;
    }

    /** The customers with this e-mail address, in any case: several accounts may share one. */
    List<String> customersWithEmail(String email) {
        return db.select(CUSTOMER.ID).from(CUSTOMER).where(DSL.lower(CUSTOMER.EMAIL).eq(email.strip().toLowerCase()))
                .orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    List<CustomerReturn> returnsOf(String customerId) {
        return db.select(RETURN_REQUEST.ID, RETURN_REQUEST.RMA_NUMBER, RETURN_REQUEST.STATUS,
                        RETURN_REQUEST.CUSTOMER_MESSAGE)
                .from(RETURN_REQUEST).join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .where(SALES_ORDER.CUSTOMER_ID.eq(customerId))
                .orderBy(RETURN_REQUEST.RMA_NUMBER)
                .fetch(row -> new CustomerReturn(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    /**
     * The parcels received for these returns, by their RMA number or linked by the warehouse: the process of a parcel
     * that arrived without a known RMA copied its sender (name, e-mail, postcode) from the label.
     */
    List<Long> parcelsOf(Collection<UUID> returnIds) {
        return db.select(PARCEL_RECEIPT.ID).from(PARCEL_RECEIPT).where(PARCEL_RECEIPT.RETURN_ID.in(returnIds))
                .orderBy(PARCEL_RECEIPT.ID).fetch(PARCEL_RECEIPT.ID);
    }

    /** Replaces the e-mail with the pseudonym and drops the phone; answers whether either held personal data. */
    boolean pseudonymiseCustomer(String customerId, String pseudonymousEmail, OffsetDateTime now) {
        boolean personal = db.fetchExists(CUSTOMER, CUSTOMER.ID.eq(customerId)
                .and(CUSTOMER.EMAIL.ne(pseudonymousEmail).or(CUSTOMER.PHONE.isNotNull())));
        db.update(CUSTOMER)
                .set(CUSTOMER.EMAIL, pseudonymousEmail)
                .setNull(CUSTOMER.PHONE)
                .set(CUSTOMER.UPDATED_AT, now)
                .set(CUSTOMER.ERASED_AT, now)
                .where(CUSTOMER.ID.eq(customerId))
                .execute();
        return personal;
    }

    int dropShippingAddresses(String customerId) {
        return db.update(SALES_ORDER).setNull(SALES_ORDER.SHIPPING_ADDRESS)
                .where(SALES_ORDER.CUSTOMER_ID.eq(customerId)).and(SALES_ORDER.SHIPPING_ADDRESS.isNotNull())
                .execute();
    }

    int eraseCustomerMessages(Collection<UUID> returnIds) {
        return db.update(RETURN_REQUEST).set(RETURN_REQUEST.CUSTOMER_MESSAGE, ERASED)
                .where(RETURN_REQUEST.ID.in(returnIds)).and(RETURN_REQUEST.CUSTOMER_MESSAGE.ne(ERASED))
                .execute();
    }

    List<InspectionText> inspectionTexts(Collection<UUID> returnIds) {
        return db.select(INSPECTION.RETURN_ID, INSPECTION.LINE_NO, INSPECTION.EVIDENCE, INSPECTION.NOTES)
                .from(INSPECTION)
                .where(INSPECTION.RETURN_ID.in(returnIds))
                .fetch(row -> new InspectionText(row.value1(), row.value2(), List.of(row.value3()), row.value4()));
    }

    /** Removes the evidence references (photos, documents) and the notes; grade and findings stay. */
    int eraseInspectionEvidenceAndNotes(Collection<UUID> returnIds) {
        return db.update(INSPECTION)
                .set(INSPECTION.EVIDENCE, new String[0])
                .set(INSPECTION.NOTES, DSL.when(INSPECTION.NOTES.isNotNull(), DSL.inline(ERASED)))
                .where(INSPECTION.RETURN_ID.in(returnIds))
                .and(DSL.cardinality(INSPECTION.EVIDENCE).gt(0).or(INSPECTION.NOTES.ne(ERASED)))
                .execute();
    }

    /** The timeline entries of this type (e.g. LINE_INSPECTED) that have a detail. */
    List<TimelineDetail> timelineDetails(Collection<UUID> returnIds, String type) {
        return db.select(RETURN_EVENT.ID, RETURN_EVENT.RETURN_ID, RETURN_EVENT.DETAIL).from(RETURN_EVENT)
                .where(RETURN_EVENT.RETURN_ID.in(returnIds)).and(RETURN_EVENT.TYPE.eq(type))
                .and(RETURN_EVENT.DETAIL.isNotNull())
                .fetch(row -> new TimelineDetail(row.value1(), row.value2(), row.value3()));
    }

    /**
     * Declares the current transaction an erasure: the timeline is append-only, and its trigger lets the detail of an
     * entry (nothing else) change only in such a transaction (V17__personal_data_erasure.sql).
     */
    void declareErasure() {
        db.select(DSL.function("set_config", String.class, DSL.inline("returns.erasure"), DSL.inline("on"),
                DSL.inline(true))).fetch();
    }

    void rewriteTimelineDetail(long eventId, String detail) {
        db.update(RETURN_EVENT).set(RETURN_EVENT.DETAIL, detail).where(RETURN_EVENT.ID.eq(eventId)).execute();
    }

    int eraseNotifications(Collection<UUID> returnIds, String pseudonymousEmail) {
        return db.update(CUSTOMER_NOTIFICATION)
                .set(CUSTOMER_NOTIFICATION.RECIPIENT, pseudonymousEmail)
                .set(CUSTOMER_NOTIFICATION.MESSAGE, ERASED)
                .where(CUSTOMER_NOTIFICATION.RETURN_ID.in(returnIds))
                .and(CUSTOMER_NOTIFICATION.RECIPIENT.ne(pseudonymousEmail)
                        .or(CUSTOMER_NOTIFICATION.MESSAGE.ne(ERASED)))
                .execute();
    }

    /** The classifier's labelled examples quote the customer's message word for word: they go. */
    int deleteReasonLabels(Collection<UUID> returnIds) {
        return db.deleteFrom(REASON_LABEL).where(REASON_LABEL.RETURN_ID.in(returnIds)).execute();
    }

    /**
     * A retrained reason model is stored as trained, and what it learnt from the customer's messages is in it: the
     * stored model of every version trained on these labels is dropped, so the next start trains that version again
     * from the labels that remain.
     */
    int dropModelsTrainedOnReasonLabels(Collection<UUID> returnIds) {
        Long firstLabel = db.select(DSL.min(REASON_LABEL.ID)).from(REASON_LABEL)
                .where(REASON_LABEL.RETURN_ID.in(returnIds)).fetchOne(0, Long.class);
        if (firstLabel == null) {
            return 0;
        }
        return db.update(AI_MODEL_VERSION).setNull(AI_MODEL_VERSION.TRAINED_MODEL)
                .where(AI_MODEL_VERSION.LAST_LABEL_ID.ge(firstLabel))
                .and(AI_MODEL_VERSION.TRAINED_MODEL.isNotNull())
                .execute();
    }

    /** Stored first responses (Idempotency-Key) whose body contains one of these texts. */
    int deleteStoredResponsesContaining(Collection<String> texts) {
        Condition containsAny = DSL.falseCondition();
        for (String text : texts) {
            containsAny = containsAny.or(DSL.condition("position({0} in {1}) > 0",
                    DSL.val(text.getBytes(StandardCharsets.UTF_8)), IDEMPOTENCY_KEY.BODY));
        }
        return db.deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.BODY.isNotNull()).and(containsAny).execute();
    }

    long insertErasure(String customerId, ErasureCause cause, String reason, String erasedBy, OffsetDateTime at,
                       String countsJson) {
        return db.insertInto(ERASURE)
                .set(ERASURE.CUSTOMER_ID, customerId)
                .set(ERASURE.CAUSE, cause.name())
                .set(ERASURE.REASON, reason)
                .set(ERASURE.ERASED_BY, erasedBy)
                .set(ERASURE.ERASED_AT, at)
                .set(ERASURE.COUNTS, JSONB.valueOf(countsJson))
                .returning(ERASURE.ID)
                .fetchOne(ERASURE.ID);
    }

    /**
     * Customers whose personal data has outlived the retention period, the longest unchanged first: personal data not
     * erased since it last arrived (the customer row is written with every order of theirs), nothing of theirs newer
     * than the cutoff (no order, no return status change) and no return in flight.
     */
    List<String> dueForRetention(OffsetDateTime cutoff, Collection<String> finishedStatuses, int limit) {
        return db.select(CUSTOMER.ID).from(CUSTOMER).where(dueForRetention(cutoff, finishedStatuses))
                .orderBy(CUSTOMER.UPDATED_AT, CUSTOMER.ID).limit(limit).fetch(CUSTOMER.ID);
    }

    /**
     * Locks the customer if they are still due for retention; false when they are not any more (erased meanwhile, a
     * new order) or another node is erasing them right now (the lock is skipped, not waited for).
     */
    boolean lockIfDueForRetention(String customerId, OffsetDateTime cutoff, Collection<String> finishedStatuses) {
        return db.select(CUSTOMER.ID).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(customerId)).and(dueForRetention(cutoff, finishedStatuses))
                .forUpdate().skipLocked()
                .fetchOptional().isPresent();
    }

    private static Condition dueForRetention(OffsetDateTime cutoff, Collection<String> finishedStatuses) {
        return CUSTOMER.ERASED_AT.isNull().or(CUSTOMER.UPDATED_AT.gt(CUSTOMER.ERASED_AT))
                .and(CUSTOMER.UPDATED_AT.le(cutoff))
                .andNotExists(selectOne().from(RETURN_REQUEST).join(SALES_ORDER)
                        .on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                        .where(SALES_ORDER.CUSTOMER_ID.eq(CUSTOMER.ID))
                        .and(RETURN_REQUEST.STATUS.notIn(finishedStatuses)
                                .or(RETURN_REQUEST.STATUS_CHANGED_AT.gt(cutoff))));
    }
}
