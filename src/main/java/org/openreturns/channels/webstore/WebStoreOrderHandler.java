package org.openreturns.channels.webstore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.ChannelMessageHandler;
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderCancellations;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.OrderShipments;
import org.openreturns.orders.ShipmentRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes the web store's order webhooks. Every one of them carries the whole order, so whichever arrives first ingests
 * it (idempotent on channel and order id), and a late {@code orders/create} changes nothing: {@code orders/fulfilled}
 * then records each fulfilment as a shipment (idempotent on the fulfilment id), {@code orders/cancelled} ships the
 * fulfilments it lists and cancels what is left open.
 */
@Component
class WebStoreOrderHandler implements ChannelMessageHandler {

    /** Far above any price, far below what a long of minor units holds. */
    private static final BigDecimal MOST = new BigDecimal("1000000000000");

    private final OrderService orders;
    private final OrderShipments shipments;
    private final OrderCancellations cancellations;
    private final Validator validator;
    private final ObjectMapper json;
    private final String warehouse;

    WebStoreOrderHandler(OrderService orders, OrderShipments shipments, OrderCancellations cancellations,
                         Validator validator, ObjectMapper json,
                         @Value("${returns.channels.web-store.warehouse:WH-BER}") String warehouse) {
        this.orders = orders;
        this.shipments = shipments;
        this.cancellations = cancellations;
        this.validator = validator;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.warehouse = warehouse;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(WebStoreTopics.messageType(WebStoreTopics.ORDERS_CREATE),
                WebStoreTopics.messageType(WebStoreTopics.ORDERS_FULFILLED),
                WebStoreTopics.messageType(WebStoreTopics.ORDERS_CANCELLED));
    }

    @Override
    public void take(ChannelMessage message) {
        WebStorePayloads.Order order = read(message.payload());
        String actor = actor(message.channel());
        OrderIngestion ingestion = ingestion(message.channel(), order);
        orders.ingest(ingestion, actor);
        String topic = message.messageType().substring(message.messageType().indexOf(':') + 1);
        if (WebStoreTopics.ORDERS_FULFILLED.equals(topic) || WebStoreTopics.ORDERS_CANCELLED.equals(topic)) {
            shipFulfilments(message.channel(), order, actor);
        }
        if (WebStoreTopics.ORDERS_CANCELLED.equals(topic)) {
            cancellations.cancelWhatIsOpen(order.id(), message.channel(),
                    message.channel() + "-cancelled-" + order.id(), actor);
        }
    }

    static String actor(String channel) {
        return "webhook " + channel;
    }

    private WebStorePayloads.Order read(String payload) {
        try {
            WebStorePayloads.Order order = json.readValue(payload, WebStorePayloads.Order.class);
            if (order == null) {
                throw new MessageRejectedException("The webhook's body is not an order");
            }
            return order;
        } catch (JsonProcessingException notAnOrder) {
            throw new MessageRejectedException("The webhook's body is not an order: " + notAnOrder.getOriginalMessage());
        }
    }

    /** The order as {@code POST /api/orders} takes it; lines numbered in the order of {@code line_items}, from 1. */
    private OrderIngestion ingestion(String channel, WebStorePayloads.Order order) {
        List<WebStorePayloads.LineItem> items = order.lineItems() == null ? List.of() : order.lineItems();
        List<OrderIngestion.Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            WebStorePayloads.LineItem item = items.get(i);
            if (item.price() != null && item.price().compareTo(MOST) > 0) {
                throw new MessageRejectedException("line_items[" + i + "].price " + item.price().toPlainString()
                        + " is not a price");
            }
            lines.add(new OrderIngestion.Line(i + 1, item.sku(), item.quantity(), item.price(), null));
        }
        WebStorePayloads.Customer customer = order.customer();
        String email = customer != null && customer.email() != null ? customer.email() : order.email();
        OrderIngestion ingestion = new OrderIngestion(order.id(), channel,
                customer == null ? null : new OrderIngestion.Customer(customer.id(), email, CustomerTier.STANDARD,
                        customer.phone()),
                order.createdAt(), null, order.currency(), warehouse, lines, null, null);
        Set<ConstraintViolation<OrderIngestion>> violations = validator.validate(ingestion);
        if (!violations.isEmpty()) {
            throw new MessageRejectedException("The order cannot be taken: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        return ingestion;
    }

    /** Each fulfilment of the order as a shipment of the units it names, once per fulfilment id. */
    private void shipFulfilments(String channel, WebStorePayloads.Order order, String actor) {
        if (order.fulfillments() == null) {
            return;
        }
        Map<String, Integer> lineNoOfItem = new HashMap<>();
        for (int i = 0; i < order.lineItems().size(); i++) {
            lineNoOfItem.put(order.lineItems().get(i).id(), i + 1);
        }
        for (WebStorePayloads.Fulfillment fulfilment : order.fulfillments()) {
            if ("cancelled".equals(fulfilment.status()) || "failure".equals(fulfilment.status())
                    || "error".equals(fulfilment.status())) {
                continue;
            }
            if (fulfilment.id() == null || fulfilment.createdAt() == null || fulfilment.lineItems() == null
                    || fulfilment.lineItems().isEmpty()) {
                throw new MessageRejectedException("Fulfilment " + fulfilment.id() + " of order " + order.id()
                        + " needs an id, created_at and line_items");
            }
            List<ShipmentRequest.Line> lines = new ArrayList<>();
            for (WebStorePayloads.LineItem item : fulfilment.lineItems()) {
                Integer lineNo = lineNoOfItem.get(item.id());
                if (lineNo == null || item.quantity() == null || item.quantity() <= 0) {
                    throw new MessageRejectedException("Fulfilment " + fulfilment.id() + " of order " + order.id()
                            + " names line item " + item.id() + " with quantity " + item.quantity()
                            + ", which is not a line of the order with a positive quantity");
                }
                lines.add(new ShipmentRequest.Line(lineNo, item.quantity(), null));
            }
            String shipmentId = channel + "-fulfilment-" + fulfilment.id();
            if (shipmentId.length() > 64) {
                throw new MessageRejectedException("Fulfilment id " + fulfilment.id() + " is too long");
            }
            shipments.ship(order.id(), channel, new ShipmentRequest(shipmentId, null, fulfilment.createdAt(), lines),
                    actor);
        }
    }
}
