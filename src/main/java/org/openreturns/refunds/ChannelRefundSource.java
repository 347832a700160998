package org.openreturns.refunds;

/** How a channel told us it refunded a customer: the web store's {@code refunds/create} webhook, or a settlement line. */
public enum ChannelRefundSource {
    WEB_STORE_WEBHOOK, SETTLEMENT_REPORT
}
