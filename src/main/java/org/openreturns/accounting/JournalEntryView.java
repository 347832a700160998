package org.openreturns.accounting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A posted entry as {@code GET /api/accounting/entries} shows it; amounts in minor units. */
public record JournalEntryView(long id, OffsetDateTime postedAt, String reason, String sourceType, String sourceId,
                               UUID returnId, Integer returnLineNo, String currency, Long reversesEntryId,
                               List<LineView> lines) {

    public record LineView(String account, long debit, long credit) {
    }
}
