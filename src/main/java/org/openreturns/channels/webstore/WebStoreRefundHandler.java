package org.openreturns.channels.webstore;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.ChannelMessageHandler;
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.refunds.ChannelRefundRequest;
import org.openreturns.refunds.ChannelRefundSource;
import org.openreturns.refunds.ChannelRefunds;
import org.springframework.stereotype.Component;

/**
 * Takes the web store's {@code refunds/create}: each refunded line item is a channel refund (docs/channels.md,
 * "Channel refunds"), recorded once per refund and line item and matched to the return of its order line. A refund
 * without line items (shipping costs only) concerns no return and records nothing.
 */
@Component
class WebStoreRefundHandler implements ChannelMessageHandler {

    private final ChannelRefunds channelRefunds;
    private final ObjectMapper json;

    WebStoreRefundHandler(ChannelRefunds channelRefunds, ObjectMapper json) {
        this.channelRefunds = channelRefunds;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(WebStoreTopics.messageType(WebStoreTopics.REFUNDS_CREATE));
    }

    @Override
    public void take(ChannelMessage message) {
        WebStorePayloads.Refund refund = read(message.payload());
        if (refund.id() == null || refund.orderId() == null) {
            throw new MessageRejectedException("The refund needs its id and order_id");
        }
        if (refund.refundLineItems() == null) {
            return;
        }
        for (WebStorePayloads.RefundLineItem item : refund.refundLineItems()) {
            String sku = item.lineItem() == null ? null : item.lineItem().sku();
            if (item.id() == null || sku == null) {
                throw new MessageRejectedException("Refund line item " + item.id() + " of refund " + refund.id()
                        + " needs its id and line_item.sku");
            }
            channelRefunds.record(new ChannelRefundRequest(message.channel(), refund.id() + "/" + item.id(),
                    refund.orderId(), null, sku, item.subtotal(), null,
                    refund.processedAt() != null ? refund.processedAt() : refund.createdAt(),
                    ChannelRefundSource.WEB_STORE_WEBHOOK, message.messageId()), WebStoreOrderHandler.actor(
                    message.channel()));
        }
    }

    private WebStorePayloads.Refund read(String payload) {
        try {
            WebStorePayloads.Refund refund = json.readValue(payload, WebStorePayloads.Refund.class);
            if (refund == null) {
                throw new MessageRejectedException("The webhook's body is not a refund");
            }
            return refund;
        } catch (JsonProcessingException notARefund) {
            throw new MessageRejectedException("The webhook's body is not a refund: "
                    + notARefund.getOriginalMessage());
        }
    }
}
