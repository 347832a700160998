package org.openreturns.channels;

import static org.openreturns.db.Tables.CHANNEL_DEAD_LETTER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The store of channel messages that could not be taken (table {@code channel_dead_letter}). */
@Repository
public class DeadLetters {

    /** A list shows at most this many, the most recently failed first. */
    static final int LIST_LIMIT = 500;

    private final DSLContext db;
    private final Clock clock;

    DeadLetters(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Keeps a message that could not be taken, or, when the same message (channel, type, id) failed before, records
     * the new attempt and reason on its row and opens it again. Returns the dead letter's id.
     */
    public long record(ChannelMessage message, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.insertInto(CHANNEL_DEAD_LETTER)
                .set(CHANNEL_DEAD_LETTER.CHANNEL, message.channel())
                .set(CHANNEL_DEAD_LETTER.MESSAGE_TYPE, message.messageType())
                .set(CHANNEL_DEAD_LETTER.MESSAGE_ID, message.messageId())
                .set(CHANNEL_DEAD_LETTER.PAYLOAD, message.payload())
                .set(CHANNEL_DEAD_LETTER.REASON, reason)
                .set(CHANNEL_DEAD_LETTER.FIRST_FAILED_AT, now)
                .set(CHANNEL_DEAD_LETTER.LAST_FAILED_AT, now)
                .onConflict(CHANNEL_DEAD_LETTER.CHANNEL, CHANNEL_DEAD_LETTER.MESSAGE_TYPE, CHANNEL_DEAD_LETTER.MESSAGE_ID)
                .doUpdate()
                .set(CHANNEL_DEAD_LETTER.PAYLOAD, message.payload())
                .set(CHANNEL_DEAD_LETTER.REASON, reason)
                .set(CHANNEL_DEAD_LETTER.ATTEMPTS, CHANNEL_DEAD_LETTER.ATTEMPTS.plus(1))
                .set(CHANNEL_DEAD_LETTER.LAST_FAILED_AT, now)
                .set(CHANNEL_DEAD_LETTER.STATUS, DeadLetterStatus.OPEN.name())
                .setNull(CHANNEL_DEAD_LETTER.RESOLVED_AT)
                .setNull(CHANNEL_DEAD_LETTER.RESOLVED_BY)
                .setNull(CHANNEL_DEAD_LETTER.RESOLUTION_NOTE)
                .returning(CHANNEL_DEAD_LETTER.ID)
                .fetchSingle(CHANNEL_DEAD_LETTER.ID);
    }

    public Optional<DeadLetter> find(long id) {
        return db.selectFrom(CHANNEL_DEAD_LETTER).where(CHANNEL_DEAD_LETTER.ID.eq(id))
                .fetchOptional(DeadLetters::toDeadLetter);
    }

    /** The same row, locked until the end of the transaction, so two replays of one letter run one after the other. */
    Optional<DeadLetter> lock(long id) {
        return db.selectFrom(CHANNEL_DEAD_LETTER).where(CHANNEL_DEAD_LETTER.ID.eq(id)).forUpdate()
                .fetchOptional(DeadLetters::toDeadLetter);
    }

    /** Dead letters of a channel (all channels when null) in a status (all when null), most recently failed first. */
    public List<DeadLetter> list(String channel, DeadLetterStatus status) {
        Condition condition = DSL.noCondition();
        if (channel != null) {
            condition = condition.and(CHANNEL_DEAD_LETTER.CHANNEL.eq(channel));
        }
        if (status != null) {
            condition = condition.and(CHANNEL_DEAD_LETTER.STATUS.eq(status.name()));
        }
        return db.selectFrom(CHANNEL_DEAD_LETTER).where(condition)
                .orderBy(CHANNEL_DEAD_LETTER.LAST_FAILED_AT.desc(), CHANNEL_DEAD_LETTER.ID.desc())
                .limit(LIST_LIMIT)
                .fetch(DeadLetters::toDeadLetter);
    }

    void resolve(long id, DeadLetterStatus status, String user, String note) {
        db.update(CHANNEL_DEAD_LETTER)
                .set(CHANNEL_DEAD_LETTER.STATUS, status.name())
                .set(CHANNEL_DEAD_LETTER.RESOLVED_AT, OffsetDateTime.now(clock))
                .set(CHANNEL_DEAD_LETTER.RESOLVED_BY, user)
                .set(CHANNEL_DEAD_LETTER.RESOLUTION_NOTE, note)
                .where(CHANNEL_DEAD_LETTER.ID.eq(id))
                .execute();
    }

    private static DeadLetter toDeadLetter(Record row) {
        return new DeadLetter(row.get(CHANNEL_DEAD_LETTER.ID), row.get(CHANNEL_DEAD_LETTER.CHANNEL),
                row.get(CHANNEL_DEAD_LETTER.MESSAGE_TYPE), row.get(CHANNEL_DEAD_LETTER.MESSAGE_ID),
                row.get(CHANNEL_DEAD_LETTER.PAYLOAD), row.get(CHANNEL_DEAD_LETTER.REASON),
                DeadLetterStatus.valueOf(row.get(CHANNEL_DEAD_LETTER.STATUS)), row.get(CHANNEL_DEAD_LETTER.ATTEMPTS),
                row.get(CHANNEL_DEAD_LETTER.FIRST_FAILED_AT), row.get(CHANNEL_DEAD_LETTER.LAST_FAILED_AT),
                row.get(CHANNEL_DEAD_LETTER.RESOLVED_AT), row.get(CHANNEL_DEAD_LETTER.RESOLVED_BY),
                row.get(CHANNEL_DEAD_LETTER.RESOLUTION_NOTE));
    }
}
