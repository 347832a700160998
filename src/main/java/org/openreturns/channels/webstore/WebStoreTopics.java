package org.openreturns.channels.webstore;

import java.util.List;

/** The web store's webhook topics taken here, and the channel message type each becomes. */
final class WebStoreTopics {

    static final String ORDERS_CREATE = "orders/create";
    static final String ORDERS_FULFILLED = "orders/fulfilled";
    static final String ORDERS_CANCELLED = "orders/cancelled";
    static final String REFUNDS_CREATE = "refunds/create";
    static final List<String> ALL = List.of(ORDERS_CREATE, ORDERS_FULFILLED, ORDERS_CANCELLED, REFUNDS_CREATE);

    private WebStoreTopics() {
    }

    /** {@code web-store:orders/create}: what {@link org.openreturns.channels.ChannelInbox} hands to its handler. */
    static String messageType(String topic) {
        return "web-store:" + topic;
    }
}
