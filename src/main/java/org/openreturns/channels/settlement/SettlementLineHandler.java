package org.openreturns.channels.settlement;

import static org.openreturns.db.Tables.CHANNEL_SETTLEMENT_LINE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.accounting.PostingRules;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.ChannelMessageHandler;
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.db.tables.records.ChannelSettlementLineRecord;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.openreturns.refunds.ChannelRefundRequest;
import org.openreturns.refunds.ChannelRefundSource;
import org.openreturns.refunds.ChannelRefunds;
import org.openreturns.system.ConflictException;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Takes one line of a marketplace's settlement report (docs/marketplaces.md, "Settlement report"), once per channel,
 * settlement and line: an order payment is recorded, a refund becomes a channel refund matched to its return, a fee
 * is posted to the journal, and a reversal takes back an earlier refund or fee. A line that cannot be taken is refused
 * naming the column, and {@link org.openreturns.channels.ChannelInbox} keeps it as a dead letter.
 */
@Component
class SettlementLineHandler implements ChannelMessageHandler {

    private final SettlementLines lines;
    private final OrderService orders;
    private final ChannelRefunds channelRefunds;
    private final Journal journal;
    private final ObjectMapper json;
    private final Clock clock;

    SettlementLineHandler(SettlementLines lines, OrderService orders, ChannelRefunds channelRefunds, Journal journal,
                          ObjectMapper json, Clock clock) {
        this.lines = lines;
        this.orders = orders;
        this.channelRefunds = channelRefunds;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(SettlementLine.MESSAGE_TYPE);
    }

    @Override
    public void take(ChannelMessage message) {
        SettlementLine line = read(message.payload());
        String channel = message.channel();
        String lineId = required(line.lineId(), "lineId");
        String settlementId = required(line.settlementId(), "settlementId");
        SettlementLineType type = type(line.type());
        String currency = required(line.currency(), "currency");
        Currency money = Money.currency(currency).orElseThrow(() -> rejected("currency", currency
                + " is not an ISO 4217 currency code"));
        long amountMinor = amountMinor(line.amount(), money);
        OffsetDateTime bookedAt = bookedAt(line.bookedAt());
        String importedBy = Objects.requireNonNullElse(line.importedBy(), "settlement import");

        Optional<ChannelSettlementLineRecord> existing = lines.find(channel, settlementId, lineId);
        if (existing.isPresent()) {
            ChannelSettlementLineRecord stored = existing.get();
            if (!stored.getLineType().equals(type.name()) || stored.getAmountMinor() != amountMinor
                    || !stored.getCurrency().equals(currency)) {
                throw new ConflictException("Settlement " + settlementId + " line " + lineId + " of " + channel
                        + " was already taken with other values (" + stored.getLineType() + " "
                        + Money.fromMinorUnits(stored.getAmountMinor(), stored.getCurrency()).toPlainString() + " "
                        + stored.getCurrency() + ")");
            }
            return;
        }
        ChannelSettlementLineRecord row = CHANNEL_SETTLEMENT_LINE.newRecord();
        row.setChannel(channel);
        row.setSettlementId(settlementId);
        row.setLineId(lineId);
        row.setLineType(type.name());
        row.setAmountMinor(amountMinor);
        row.setCurrency(currency);
        row.setBookedAt(bookedAt);
        row.setSku(blankToNull(line.sku()));
        row.setDescription(blankToNull(line.description()));
        row.setRecordedAt(OffsetDateTime.now(clock));
        row.setRecordedBy(importedBy);
        String reference = channel + "/" + settlementId + "/" + lineId;
        switch (type) {
            case ORDER_PAYMENT -> row.setOrderId(order(channel, line).id());
            case REFUND -> {
                SalesOrder order = order(channel, line);
                row.setOrderId(order.id());
                String refundId = line.refundId() == null || line.refundId().isBlank()
                        ? SettlementLine.messageId(settlementId, lineId) : line.refundId().strip();
                row.setChannelRefundId(channelRefunds.record(new ChannelRefundRequest(channel, refundId,
                        order.orderNumber(), orderLine(line.orderLine()), blankToNull(line.sku()),
                        Money.fromMinorUnits(amountMinor, currency), currency, bookedAt,
                        ChannelRefundSource.SETTLEMENT_REPORT, message.messageId()), importedBy).id());
            }
            case FEE -> {
                if (line.orderId() != null && !line.orderId().isBlank()) {
                    row.setOrderId(order(channel, line).id());
                }
                JournalEntryDraft entry = PostingRules.forMarketplaceFee(reference, currency, amountMinor,
                        "Fee of " + channel + " in settlement " + settlementId + " line " + lineId
                                + (row.getDescription() == null ? "" : ": " + row.getDescription()));
                journal.post(List.of(entry), importedBy);
                row.setJournalEntryId(journal.entryOf(entry.idempotencyKey()).map(JournalEntryView::id)
                        .orElseThrow());
            }
            case REVERSAL -> reverse(channel, settlementId, lineId, line, row, importedBy);
        }
        if (!lines.insert(row)) {
            throw new ConflictException("Settlement " + settlementId + " line " + lineId + " of " + channel
                    + " was taken by another message at the same time, or the line it reverses was reversed already");
        }
    }

    private void reverse(String channel, String settlementId, String lineId, SettlementLine line,
                         ChannelSettlementLineRecord row, String importedBy) {
        String reversedLineId = required(line.reverses(), "reverses");
        String reversedSettlement = line.reversesSettlement() == null || line.reversesSettlement().isBlank()
                ? settlementId : line.reversesSettlement().strip();
        ChannelSettlementLineRecord reversed = lines.find(channel, reversedSettlement, reversedLineId)
                .orElseThrow(() -> new NotFoundException("reverses", "Settlement " + reversedSettlement + " line "
                        + reversedLineId + " of " + channel + " is not known (yet): a reversal is taken after the "
                        + "line it reverses"));
        lines.reversalOf(reversed.getId()).ifPresent(earlier -> {
            throw new ConflictException("Settlement " + reversedSettlement + " line " + reversedLineId
                    + " was reversed already by settlement " + earlier.getSettlementId() + " line "
                    + earlier.getLineId());
        });
        if (!reversed.getAmountMinor().equals(row.getAmountMinor()) || !reversed.getCurrency().equals(row.getCurrency())) {
            throw rejected("amount", "must be the reversed line's "
                    + Money.fromMinorUnits(reversed.getAmountMinor(), reversed.getCurrency()).toPlainString() + " "
                    + reversed.getCurrency() + ": a line is reversed whole");
        }
        row.setReversesLineId(reversed.getId());
        row.setOrderId(reversed.getOrderId());
        switch (SettlementLineType.valueOf(reversed.getLineType())) {
            case FEE -> {
                journal.reverse(reversed.getJournalEntryId(), "Fee reversed by " + channel + " in settlement "
                        + settlementId + " line " + lineId, importedBy);
                row.setJournalEntryId(journal.entryOf("reversal-of-" + reversed.getJournalEntryId())
                        .map(JournalEntryView::id).orElseThrow());
            }
            case REFUND -> {
                channelRefunds.reverse(reversed.getChannelRefundId(), importedBy);
                row.setChannelRefundId(reversed.getChannelRefundId());
            }
            default -> throw rejected("reverses", "names a " + reversed.getLineType()
                    + " line; only REFUND and FEE lines are reversed");
        }
    }

    private SettlementLine read(String payload) {
        try {
            return json.readValue(payload, SettlementLine.class);
        } catch (JsonProcessingException notALine) {
            throw new MessageRejectedException("Not a settlement line: " + notALine.getOriginalMessage());
        }
    }

    private SalesOrder order(String channel, SettlementLine line) {
        return orders.order(required(line.orderId(), "orderId"), channel, false);
    }

    private static Integer orderLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int lineNo = Integer.parseInt(text.strip());
            if (lineNo <= 0) {
                throw rejected("orderLine", text + " is not a line number (1, 2, ...)");
            }
            return lineNo;
        } catch (NumberFormatException notANumber) {
            throw rejected("orderLine", text + " is not a line number (1, 2, ...)");
        }
    }

    private static SettlementLineType type(String text) {
        String type = required(text, "type");
        try {
            return SettlementLineType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw rejected("type", type + " is not one of ORDER_PAYMENT, REFUND, FEE, REVERSAL");
        }
    }

    private static long amountMinor(String text, Currency currency) {
        String amount = required(text, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException notANumber) {
            throw rejected("amount", amount + " is not a decimal number such as 19.90");
        }
        if (value.signum() <= 0 || !Money.fitsMinorUnits(value, currency) || value.compareTo(MOST) > 0) {
            throw rejected("amount", amount + " must be more than 0 with at most "
                    + currency.getDefaultFractionDigits() + " decimals of " + currency
                    + " (the type says which way the money goes)");
        }
        return Money.toMinorUnits(value, currency);
    }

    /** Far above any settlement line, far below what a long of minor units holds. */
    private static final BigDecimal MOST = new BigDecimal("1000000000000");

    private static OffsetDateTime bookedAt(String text) {
        String booked = required(text, "bookedAt").strip();
        try {
            return OffsetDateTime.parse(booked);
        } catch (DateTimeParseException notATime) {
            try {
                return LocalDate.parse(booked).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw rejected("bookedAt", booked + " is not a date (2026-12-07) or a time with offset "
                        + "(2026-12-07T10:00:00Z)");
            }
        }
    }

    private static String required(String value, String column) {
        if (value == null || value.isBlank()) {
            throw rejected(column, "is required");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static MessageRejectedException rejected(String column, String problem) {
        return new MessageRejectedException("Column " + column + ": " + problem);
    }
}
