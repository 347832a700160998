package org.openreturns.accounting;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An entry to post: balanced lines, the source it explains, and the return line it belongs to, if any.
 *
 * @param idempotencyKey posting the same key twice posts once
 */
public record JournalEntryDraft(String idempotencyKey, String reason, SourceType sourceType, String sourceId,
                                UUID returnId, Integer returnLineNo, String currency, String description,
                                List<Line> lines) {

    public enum SourceType { STOCK_MOVE, REFUND, MANUAL, CHANNEL_SETTLEMENT }

    public record Line(String account, long debitMinor, long creditMinor) {

        public static Line debit(String account, long amountMinor) {
            return new Line(account, amountMinor, 0);
        }

        public static Line credit(String account, long amountMinor) {
            return new Line(account, 0, amountMinor);
        }
    }

    public JournalEntryDraft {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        lines = lines.stream().filter(line -> line.debitMinor() != 0 || line.creditMinor() != 0).toList();
        long debits = lines.stream().mapToLong(Line::debitMinor).sum();
        long credits = lines.stream().mapToLong(Line::creditMinor).sum();
        if (debits != credits || lines.isEmpty()) {
            throw new IllegalArgumentException("Journal entry " + idempotencyKey + " does not balance: debits "
                    + debits + ", credits " + credits);
        }
    }
}
