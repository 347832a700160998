package org.openreturns.accounting;

import static org.openreturns.db.Tables.JOURNAL_ENTRY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The general journal: posts balanced entries, once per idempotency key, and never changes them. A mistake is
 * corrected by {@link #reverse}, which posts the mirror entry.
 */
@Service
public class Journal {

    private final JournalRepository entries;
    private final Clock clock;

    Journal(JournalRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Posts the entries whose idempotency keys were not posted before; returns how many were posted now. */
    @Transactional
    public int post(List<JournalEntryDraft> drafts, String postedBy) {
        return entries.insert(drafts, OffsetDateTime.now(clock), postedBy, null).size();
    }

    /** Posts the mirror image of an entry: debits become credits. Reversing twice posts once. */
    @Transactional
    public void reverse(long entryId, String why, String reversedBy) {
        JournalEntryView original = entries.entries(JOURNAL_ENTRY.ID.eq(entryId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("entryId", "No journal entry " + entryId));
        List<JournalEntryDraft.Line> mirrored = original.lines().stream()
                .map(line -> new JournalEntryDraft.Line(line.account(), line.credit(), line.debit())).toList();
        JournalEntryDraft reversal = new JournalEntryDraft("reversal-of-" + entryId, "REVERSAL",
                JournalEntryDraft.SourceType.valueOf(original.sourceType()), original.sourceId(), original.returnId(),
                original.returnLineNo(), original.currency(), why, mirrored);
        entries.insert(List.of(reversal), OffsetDateTime.now(clock), reversedBy, entryId);
    }

    /** The entry posted under this idempotency key, if any. */
    @Transactional(readOnly = true)
    public Optional<JournalEntryView> entryOf(String idempotencyKey) {
        return entries.entries(JOURNAL_ENTRY.IDEMPOTENCY_KEY.eq(idempotencyKey)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<JournalEntryView> entriesOfReturn(UUID returnId) {
        return entries.entries(JOURNAL_ENTRY.RETURN_ID.eq(returnId));
    }

    @Transactional(readOnly = true)
    public List<JournalEntryView> entriesOfSource(JournalEntryDraft.SourceType type, String sourceId) {
        return entries.entries(JOURNAL_ENTRY.SOURCE_TYPE.eq(type.name()).and(JOURNAL_ENTRY.SOURCE_ID.eq(sourceId)));
    }

    /** Debits minus credits of one account. */
    @Transactional(readOnly = true)
    public long accountBalance(String accountCode) {
        return entries.balance(accountCode);
    }

    /** Debits minus credits per account code. */
    @Transactional(readOnly = true)
    public Map<String, Long> accountBalances() {
        return entries.balances();
    }
}
