package org.openreturns.accounting;

import static org.openreturns.db.Tables.JOURNAL_ENTRY;
import static org.openreturns.db.Tables.JOURNAL_LINE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.openreturns.db.tables.records.JournalEntryRecord;
import org.springframework.stereotype.Repository;

@Repository
class JournalRepository {

    private final DSLContext db;

    JournalRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Inserts the entries whose idempotency key is new, all in one statement, then all their lines in one
     * statement (the database checks per statement that every entry balances).
     *
     * @return the ids of the entries inserted now, by idempotency key
     */
    Map<String, Long> insert(List<JournalEntryDraft> drafts, OffsetDateTime postedAt, String postedBy,
                             Long reversesEntryId) {
        if (drafts.isEmpty()) {
            return Map.of();
        }
        var entries = db.insertInto(JOURNAL_ENTRY,
                JOURNAL_ENTRY.IDEMPOTENCY_KEY, JOURNAL_ENTRY.POSTED_AT, JOURNAL_ENTRY.POSTED_BY, JOURNAL_ENTRY.REASON,
                JOURNAL_ENTRY.SOURCE_TYPE, JOURNAL_ENTRY.SOURCE_ID, JOURNAL_ENTRY.RETURN_ID,
                JOURNAL_ENTRY.RETURN_LINE_NO, JOURNAL_ENTRY.CURRENCY, JOURNAL_ENTRY.REVERSES_ENTRY_ID,
                JOURNAL_ENTRY.DESCRIPTION);
        for (JournalEntryDraft draft : drafts) {
            entries = entries.values(draft.idempotencyKey(), postedAt, postedBy, draft.reason(),
                    draft.sourceType().name(), draft.sourceId(), draft.returnId(), draft.returnLineNo(),
                    draft.currency(), reversesEntryId, draft.description());
        }
        Map<String, Long> inserted = entries.onConflictDoNothing()
                .returning(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.IDEMPOTENCY_KEY)
                .fetch().stream()
                .collect(Collectors.toMap(JournalEntryRecord::getIdempotencyKey, JournalEntryRecord::getId));
        if (inserted.isEmpty()) {
            return inserted;
        }
        List<Object[]> rows = new ArrayList<>();
        for (JournalEntryDraft draft : drafts) {
            Long entryId = inserted.get(draft.idempotencyKey());
            if (entryId == null) {
                continue;
            }
            int lineNo = 1;
            for (JournalEntryDraft.Line line : draft.lines()) {
                rows.add(new Object[] {entryId, lineNo++, line.account(), line.debitMinor(), line.creditMinor()});
            }
        }
        var insertLines = db.insertInto(JOURNAL_LINE, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO,
                JOURNAL_LINE.ACCOUNT_CODE, JOURNAL_LINE.DEBIT_MINOR, JOURNAL_LINE.CREDIT_MINOR);
        for (Object[] row : rows) {
            insertLines = insertLines.values((Long) row[0], (Integer) row[1], (String) row[2], (Long) row[3],
                    (Long) row[4]);
        }
        insertLines.execute();
        return inserted;
    }

    List<JournalEntryView> entries(org.jooq.Condition condition) {
        Map<Long, List<JournalEntryView.LineView>> lines = db.select(JOURNAL_LINE.fields()).from(JOURNAL_LINE)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(condition).orderBy(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .fetchGroups(JOURNAL_LINE.ENTRY_ID, line -> new JournalEntryView.LineView(
                        line.get(JOURNAL_LINE.ACCOUNT_CODE), line.get(JOURNAL_LINE.DEBIT_MINOR),
                        line.get(JOURNAL_LINE.CREDIT_MINOR)));
        return db.selectFrom(JOURNAL_ENTRY).where(condition).orderBy(JOURNAL_ENTRY.ID)
                .fetch(entry -> new JournalEntryView(entry.getId(), entry.getPostedAt(), entry.getReason(),
                        entry.getSourceType(), entry.getSourceId(), entry.getReturnId(), entry.getReturnLineNo(),
                        entry.getCurrency(), entry.getReversesEntryId(), lines.getOrDefault(entry.getId(), List.of())));
    }

    /** Debits minus credits per account, over the whole journal. */
    Map<String, Long> balances() {
        Field<Long> balance = DSL.sum(JOURNAL_LINE.DEBIT_MINOR.minus(JOURNAL_LINE.CREDIT_MINOR)).cast(Long.class)
                .as("balance");
        Map<String, Long> balances = new LinkedHashMap<>();
        for (Record row : db.select(JOURNAL_LINE.ACCOUNT_CODE, balance).from(JOURNAL_LINE)
                .groupBy(JOURNAL_LINE.ACCOUNT_CODE).orderBy(JOURNAL_LINE.ACCOUNT_CODE).fetch()) {
            balances.put(row.get(JOURNAL_LINE.ACCOUNT_CODE), row.get(balance));
        }
        return balances;
    }
}
