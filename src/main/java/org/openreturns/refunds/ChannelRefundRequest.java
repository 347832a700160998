package org.openreturns.refunds;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A refund a channel paid the customer itself, for one order line, as the channel reports it.
 *
 * @param channelRefundId the channel's id of the refund line; recording the same id again changes nothing
 * @param orderLineNo     the order line refunded; null: the order's first line of {@code sku}
 * @param amount          what the channel paid, in the currency's major unit
 * @param currency        null: the order's currency
 * @param messageId       the channel message it came with (webhook id, settlement and line id)
 */
public record ChannelRefundRequest(String channel, String channelRefundId, String orderNumber, Integer orderLineNo,
                                   String sku, BigDecimal amount, String currency, OffsetDateTime paidAt,
                                   ChannelRefundSource source, String messageId) {
}
