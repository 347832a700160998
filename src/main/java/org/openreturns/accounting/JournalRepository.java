package org.openreturns.accounting;

import static org.openreturns.db.Tables.JOURNAL_ENTRY;
import static org.openreturns.db.Tables.JOURNAL_LINE;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.openreturns.system.CopyRows;
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
        int size = drafts.size();
        String[] keys = new String[size];
        String[] reasons = new String[size];
        String[] sourceTypes = new String[size];
        String[] sourceIds = new String[size];
        UUID[] returnIds = new UUID[size];
        Integer[] returnLines = new Integer[size];
        String[] currencies = new String[size];
        String[] descriptions = new String[size];
        for (int i = 0; i < size; i++) {
            JournalEntryDraft draft = drafts.get(i);
            keys[i] = draft.idempotencyKey();
            reasons[i] = draft.reason();
            sourceTypes[i] = draft.sourceType().name();
            sourceIds[i] = draft.sourceId();
            returnIds[i] = draft.returnId();
            returnLines[i] = draft.returnLineNo();
            currencies[i] = draft.currency();
            descriptions[i] = draft.description();
        }
        // Arrays unnested into rows: one statement and one plan whatever the number of entries.
        Map<String, Long> inserted = new HashMap<>();
        db.resultQuery("""
                insert into journal_entry (idempotency_key, reason, source_type, source_id, return_id, return_line_no,
                                           currency, description, posted_at, posted_by, reverses_entry_id)
                select entry.*, ?::timestamptz, ?, ?::bigint
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::int[], ?::text[], ?::text[])
                     as entry
                on conflict (idempotency_key) do nothing
                returning id, idempotency_key
                """, postedAt, postedBy, reversesEntryId, keys, reasons, sourceTypes, sourceIds, returnIds,
                returnLines, currencies, descriptions)
                .forEach(row -> inserted.put(row.get(1, String.class), row.get(0, Long.class)));
        if (inserted.isEmpty()) {
            return inserted;
        }
        CopyRows lines = new CopyRows();
        for (JournalEntryDraft draft : drafts) {
            Long entryId = inserted.get(draft.idempotencyKey());
            if (entryId == null) {
                continue;
            }
            int lineNo = 1;
            for (JournalEntryDraft.Line line : draft.lines()) {
                lines.add(entryId, lineNo++, line.account(), line.debitMinor(), line.creditMinor());
            }
        }
        // All lines in one statement: the database checks per statement that every entry balances.
        lines.copyInto(db, "journal_line", "entry_id", "line_no", "account_code", "debit_minor", "credit_minor");
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

    long balance(String accountCode) {
        Long balance = db.select(DSL.sum(JOURNAL_LINE.DEBIT_MINOR.minus(JOURNAL_LINE.CREDIT_MINOR)).cast(Long.class))
                .from(JOURNAL_LINE).where(JOURNAL_LINE.ACCOUNT_CODE.eq(accountCode)).fetchOne(0, Long.class);
        return balance == null ? 0 : balance;
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
