package org.openreturns.refunds;

import static org.openreturns.db.Tables.CHANNEL_REFUND;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.db.tables.records.ChannelRefundRecord;
import org.openreturns.db.tables.records.RefundRecord;
import org.openreturns.orders.OrderLine;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.openreturns.system.ConflictException;
import org.openreturns.system.Money;
import org.openreturns.system.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds a channel paid the customer itself (docs/channels.md, "Channel refunds"): recorded once per channel refund
 * id and matched to the return of the order line. Such a return's own refund is then not paid a second time: its
 * release records it as paid by the channel ({@link RefundService#release}). Whether a channel refund was allowed
 * (a return behind it, inspected before it was paid, no more than decided) is reconciliation's business.
 */
@Service
public class ChannelRefunds {

    private static final Logger log = LoggerFactory.getLogger(ChannelRefunds.class);

    /** Far above any refund, far below what a long of minor units holds. */
    private static final BigDecimal MOST = new BigDecimal("1000000000000");

    private final ChannelRefundRepository channelRefunds;
    private final RefundRepository refunds;
    private final OrderService orders;
    private final Clock clock;

    ChannelRefunds(ChannelRefundRepository channelRefunds, RefundRepository refunds, OrderService orders,
                   Clock clock) {
        this.channelRefunds = channelRefunds;
        this.refunds = refunds;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * A recorded channel refund and the return line it was matched to (null while its order line has no return).
     * {@code created} is false when the same refund was recorded before.
     */
    public record Recorded(long id, UUID returnId, Integer returnLineNo, boolean created) {
    }

    /**
     * Records the refund once per channel and refund id: the same again changes nothing; the same id with other
     * values is refused (409). Refused with 404 when the order is unknown, 422 when the order has no such line or
     * the amount does not fit the order's currency.
     */
    @Transactional
    public Recorded record(ChannelRefundRequest request, String recordedBy) {
        if (request.paidAt() == null) {
            throw new RuleViolationException("paidAt", "is required: when the channel paid the customer");
        }
        SalesOrder order = orders.order(request.orderNumber(), request.channel(), false);
        OrderLine line = orderLine(order, request);
        String currency = request.currency() == null ? order.currency() : request.currency();
        if (!currency.equals(order.currency())) {
            throw new RuleViolationException("currency", "is " + currency + " but order " + order.orderNumber()
                    + " was paid in " + order.currency());
        }
        BigDecimal amount = request.amount();
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MOST) > 0
                || !Money.fitsMinorUnits(amount, Currency.getInstance(currency))) {
            throw new RuleViolationException("amount", "must be more than 0 with at most "
                    + Currency.getInstance(currency).getDefaultFractionDigits() + " decimals of " + currency);
        }
        long amountMinor = Money.toMinorUnits(amount, Currency.getInstance(currency));
        Optional<ChannelRefundRecord> existing = channelRefunds.find(request.channel(), request.channelRefundId());
        if (existing.isPresent()) {
            return sameAsRecorded(existing.get(), order, line, amountMinor, request);
        }
        Optional<ChannelRefundRepository.ReturnLineRef> returnLine = channelRefunds.returnLineOf(order.id(),
                line.lineNo());
        ChannelRefundRecord row = CHANNEL_REFUND.newRecord();
        row.setChannel(request.channel());
        row.setChannelRefundId(request.channelRefundId());
        row.setOrderId(order.id());
        row.setOrderLineNo(line.lineNo());
        row.setSku(line.sku());
        row.setAmountMinor(amountMinor);
        row.setCurrency(currency);
        row.setPaidAt(request.paidAt());
        row.setSource(request.source().name());
        row.setMessageId(request.messageId());
        row.setReturnId(returnLine.map(ChannelRefundRepository.ReturnLineRef::returnId).orElse(null));
        row.setReturnLineNo(returnLine.map(ChannelRefundRepository.ReturnLineRef::lineNo).orElse(null));
        row.setRecordedAt(OffsetDateTime.now(clock));
        row.setRecordedBy(recordedBy);
        long id = channelRefunds.insert(row).orElseThrow(() -> new ConflictException("Channel refund "
                + request.channelRefundId() + " of " + request.channel()
                + " was recorded by another message at the same time; send it again to see how it was recorded"));
        returnLine.flatMap(ref -> refunds.findByLine(ref.returnId(), ref.lineNo()))
                .filter(ours -> RefundStatus.RELEASED.name().equals(ours.getStatus()) && ours.getAmountMinor() > 0
                        && !paidByChannel(ours))
                .ifPresent(ours -> log.warn("Channel {} refunded order {} line {} ({}) after we paid refund {} of the "
                                + "same return line: the customer was paid twice; reconciliation reports it",
                        request.channel(), order.orderNumber(), line.lineNo(), request.channelRefundId(),
                        ours.getId()));
        return new Recorded(id, row.getReturnId(), row.getReturnLineNo(), true);
    }

    /**
     * A reversal of the refund (the channel took it back from the customer): it no longer counts. Refused (409) when
     * a refund of ours was already recorded as paid by it: finance settles that with the channel and the customer.
     */
    @Transactional
    public void reverse(long channelRefundId, String reversedBy) {
        ChannelRefundRecord refund = channelRefunds.findForUpdate(channelRefundId).orElseThrow();
        if (refund.getReversedAt() != null) {
            return;
        }
        if (refund.getReturnId() != null) {
            refunds.findByLine(refund.getReturnId(), refund.getReturnLineNo())
                    .filter(ours -> RefundStatus.RELEASED.name().equals(ours.getStatus()) && paidByChannel(ours))
                    .ifPresent(ours -> {
                        throw new ConflictException("Channel refund " + refund.getChannelRefundId() + " cannot be "
                                + "reversed here: refund " + ours.getId() + " of the return was recorded as paid by "
                                + "it; finance settles the reversal with the channel and the customer");
                    });
        }
        channelRefunds.markReversed(refund.getId(), OffsetDateTime.now(clock), reversedBy);
    }

    /** The id of the row recorded for this channel refund id, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> find(String channel, String channelRefundId) {
        return channelRefunds.find(channel, channelRefundId).map(ChannelRefundRecord::getId);
    }

    static boolean paidByChannel(RefundRecord refund) {
        return refund.getGateway() != null && refund.getGateway().startsWith(RefundService.CHANNEL_GATEWAY_PREFIX);
    }

    private static OrderLine orderLine(SalesOrder order, ChannelRefundRequest request) {
        if (request.orderLineNo() != null) {
            OrderLine line = order.line(request.orderLineNo()).orElseThrow(() -> new RuleViolationException(
                    "orderLineNo", "order " + order.orderNumber() + " has no line " + request.orderLineNo()));
            if (request.sku() != null && !request.sku().equals(line.sku())) {
                throw new RuleViolationException("sku", "is " + request.sku() + " but line " + line.lineNo()
                        + " of order " + order.orderNumber() + " sold " + line.sku());
            }
            return line;
        }
        return order.lines().stream().filter(line -> line.sku().equals(request.sku())).findFirst()
                .orElseThrow(() -> new RuleViolationException("sku", "order " + order.orderNumber()
                        + " of channel " + order.channel() + " has no line of " + request.sku()));
    }

    private static Recorded sameAsRecorded(ChannelRefundRecord stored, SalesOrder order, OrderLine line,
                                           long amountMinor, ChannelRefundRequest request) {
        // PostgreSQL rounds to microseconds: a resend with finer timestamps is the same refund.
        boolean same = stored.getOrderId() == order.id() && stored.getOrderLineNo() == line.lineNo()
                && stored.getAmountMinor() == amountMinor
                && stored.getPaidAt().isEqual(request.paidAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))
                && Objects.equals(stored.getSource(), request.source().name());
        if (!same) {
            throw new ConflictException("Channel refund " + request.channelRefundId() + " of " + request.channel()
                    + " was already recorded with other values");
        }
        return new Recorded(stored.getId(), stored.getReturnId(), stored.getReturnLineNo(), false);
    }
}
