package org.openreturns.refunds;

import static org.openreturns.db.Tables.CHANNEL_REFUND;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.db.tables.records.ChannelRefundRecord;
import org.springframework.stereotype.Repository;

/** The refunds the channels paid themselves (table {@code channel_refund}) and their match to return lines. */
@Repository
class ChannelRefundRepository {

    private final DSLContext db;

    ChannelRefundRepository(DSLContext db) {
        this.db = db;
    }

    Optional<ChannelRefundRecord> find(String channel, String channelRefundId) {
        return db.selectFrom(CHANNEL_REFUND).where(CHANNEL_REFUND.CHANNEL.eq(channel))
                .and(CHANNEL_REFUND.CHANNEL_REFUND_ID.eq(channelRefundId)).fetchOptional();
    }

    Optional<ChannelRefundRecord> findForUpdate(long id) {
        return db.selectFrom(CHANNEL_REFUND).where(CHANNEL_REFUND.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** Inserts the refund unless the channel recorded its id before; the id when inserted now. */
    Optional<Long> insert(ChannelRefundRecord refund) {
        return db.insertInto(CHANNEL_REFUND).set(refund).onConflictDoNothing().returning(CHANNEL_REFUND.ID)
                .fetchOptional(CHANNEL_REFUND.ID);
    }

    /**
     * The return line a refund of this order line belongs to: a return line of it that no other channel refund is
     * matched to yet (the earliest requested), else the latest one; empty while the order line has no return.
     */
    Optional<ReturnLineRef> returnLineOf(long orderId, int orderLineNo) {
        return db.select(RETURN_LINE.RETURN_ID, RETURN_LINE.LINE_NO)
                .from(RETURN_LINE).join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(RETURN_LINE.RETURN_ID))
                .where(RETURN_LINE.ORDER_ID.eq(orderId)).and(RETURN_LINE.LINE_NO.eq(orderLineNo))
                .orderBy(DSL.field(DSL.exists(DSL.selectOne().from(CHANNEL_REFUND)
                                .where(CHANNEL_REFUND.RETURN_ID.eq(RETURN_LINE.RETURN_ID))
                                .and(CHANNEL_REFUND.RETURN_LINE_NO.eq(RETURN_LINE.LINE_NO)))).asc(),
                        RETURN_REQUEST.REQUESTED_AT.asc())
                .limit(1)
                .fetchOptional(row -> new ReturnLineRef(row.value1(), row.value2()));
    }

    record ReturnLineRef(UUID returnId, int lineNo) {
    }

    void match(long id, UUID returnId, int lineNo) {
        db.update(CHANNEL_REFUND).set(CHANNEL_REFUND.RETURN_ID, returnId).set(CHANNEL_REFUND.RETURN_LINE_NO, lineNo)
                .where(CHANNEL_REFUND.ID.eq(id)).execute();
    }

    /**
     * The channel refunds that count for a return line, locked: those matched to it, and those of its order line that
     * were recorded before the return existed (matched to it now). Reversed ones do not count.
     */
    List<ChannelRefundRecord> matchAndLock(UUID returnId, int lineNo) {
        List<ChannelRefundRecord> unmatched = db.selectFrom(CHANNEL_REFUND)
                .where(CHANNEL_REFUND.RETURN_ID.isNull())
                .and(DSL.row(CHANNEL_REFUND.ORDER_ID, CHANNEL_REFUND.ORDER_LINE_NO).in(
                        DSL.select(RETURN_LINE.ORDER_ID, RETURN_LINE.LINE_NO).from(RETURN_LINE)
                                .where(RETURN_LINE.RETURN_ID.eq(returnId)).and(RETURN_LINE.LINE_NO.eq(lineNo))))
                .forUpdate().fetch();
        for (ChannelRefundRecord refund : unmatched) {
            match(refund.getId(), returnId, lineNo);
        }
        return db.selectFrom(CHANNEL_REFUND)
                .where(CHANNEL_REFUND.RETURN_ID.eq(returnId)).and(CHANNEL_REFUND.RETURN_LINE_NO.eq(lineNo))
                .and(CHANNEL_REFUND.REVERSED_AT.isNull())
                .orderBy(CHANNEL_REFUND.PAID_AT, CHANNEL_REFUND.ID)
                .forUpdate().fetch();
    }

    void markReversed(long id, OffsetDateTime at, String reversedBy) {
        db.update(CHANNEL_REFUND).set(CHANNEL_REFUND.REVERSED_AT, at).set(CHANNEL_REFUND.REVERSED_BY, reversedBy)
                .where(CHANNEL_REFUND.ID.eq(id)).execute();
    }
}
