package org.openreturns.channels.settlement;

import static org.openreturns.db.Tables.CHANNEL_SETTLEMENT_LINE;

import java.util.Optional;

import org.jooq.DSLContext;
import org.openreturns.db.tables.records.ChannelSettlementLineRecord;
import org.springframework.stereotype.Repository;

/** The settlement lines taken (table {@code channel_settlement_line}). */
@Repository
class SettlementLines {

    private final DSLContext db;

    SettlementLines(DSLContext db) {
        this.db = db;
    }

    Optional<ChannelSettlementLineRecord> find(String channel, String settlementId, String lineId) {
        return db.selectFrom(CHANNEL_SETTLEMENT_LINE).where(CHANNEL_SETTLEMENT_LINE.CHANNEL.eq(channel))
                .and(CHANNEL_SETTLEMENT_LINE.SETTLEMENT_ID.eq(settlementId))
                .and(CHANNEL_SETTLEMENT_LINE.LINE_ID.eq(lineId)).forUpdate().fetchOptional();
    }

    /** The line that reversed this one, if any. */
    Optional<ChannelSettlementLineRecord> reversalOf(long lineId) {
        return db.selectFrom(CHANNEL_SETTLEMENT_LINE).where(CHANNEL_SETTLEMENT_LINE.REVERSES_LINE_ID.eq(lineId))
                .fetchOptional();
    }

    /** Inserts the line unless it was taken before; whether it was inserted now. */
    boolean insert(ChannelSettlementLineRecord line) {
        return db.insertInto(CHANNEL_SETTLEMENT_LINE).set(line).onConflictDoNothing().execute() == 1;
    }
}
