package org.openreturns.marketplaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.ChannelMessageHandler;
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.orders.CancellationRequest;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.LineFulfilment;
import org.openreturns.orders.OrderCancellations;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.OrderShipments;
import org.openreturns.orders.SalesOrder;
import org.openreturns.orders.ShipmentRequest;
import org.springframework.stereotype.Component;

/**
 * Takes one order of a marketplace's order report: the order is ingested (once per channel and order id), the units
 * the report shows shipped and not shipped here yet are shipped (SELLABLE to CUSTOMER, cost of goods sold), and those
 * it shows cancelled and not cancelled here yet are cancelled. The report says how many units of a line are shipped
 * and cancelled so far, so the same report again, or an older one, changes nothing, and a newer one adds only what
 * happened since.
 */
@Component
class MarketplaceOrderHandler implements ChannelMessageHandler {

    private final ReportFormats formats;
    private final OrderService orders;
    private final OrderShipments shipments;
    private final OrderCancellations cancellations;
    private final CatalogService catalog;
    private final ObjectMapper json;

    MarketplaceOrderHandler(ReportFormats formats, OrderService orders, OrderShipments shipments,
                            OrderCancellations cancellations, CatalogService catalog, ObjectMapper json) {
        this.formats = formats;
        this.orders = orders;
        this.shipments = shipments;
        this.cancellations = cancellations;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(ReportMessage.ORDER_REPORT);
    }

    @Override
    public void take(ChannelMessage message) {
        ReportMessage report = read(json, message);
        MarketplaceOrder order = format(formats, message.channel()).order(report.rows());
        refuseUnknownProducts(order);
        catalog.warehouse(report.warehouse());
        SalesOrder stored = orders.ingest(new OrderIngestion(order.orderId(), message.channel(),
                new OrderIngestion.Customer(order.customerId(), order.customerEmail(), CustomerTier.STANDARD, null),
                order.placedAt(), null, order.currency(), report.warehouse(), order.lines().stream()
                .map(line -> new OrderIngestion.Line(line.lineNo(), line.sku(), line.quantity(), line.unitPrice(),
                        List.of())).toList(), null, null), report.importedBy()).order();
        Map<Integer, LineFulfilment> done = orders.fulfilment(stored.id());
        ship(message.channel(), order, done, report.importedBy());
        cancel(message.channel(), order, done, report.importedBy());
    }

    /** Ships what the report shows shipped beyond what is shipped here; the shipment's id says up to what. */
    private void ship(String channel, MarketplaceOrder order, Map<Integer, LineFulfilment> done, String by) {
        List<ShipmentRequest.Line> lines = new ArrayList<>();
        StringBuilder id = new StringBuilder(channel + ":" + order.orderId() + ":shipped");
        for (MarketplaceOrder.Line line : order.lines()) {
            int shippedHere = done.getOrDefault(line.lineNo(), new LineFulfilment(0, 0)).shipped();
            if (line.shipped() > shippedHere) {
                lines.add(new ShipmentRequest.Line(line.lineNo(), line.shipped() - shippedHere, List.of()));
                id.append(':').append(line.lineNo()).append('=').append(line.shipped());
            }
        }
        if (!lines.isEmpty()) {
            shipments.ship(order.orderId(), channel, new ShipmentRequest(id.toString(), null, order.shippedAt(),
                    lines), by);
        }
    }

    private void cancel(String channel, MarketplaceOrder order, Map<Integer, LineFulfilment> done, String by) {
        List<CancellationRequest.Line> lines = new ArrayList<>();
        StringBuilder id = new StringBuilder(channel + ":" + order.orderId() + ":cancelled");
        for (MarketplaceOrder.Line line : order.lines()) {
            int cancelledHere = done.getOrDefault(line.lineNo(), new LineFulfilment(0, 0)).cancelled();
            if (line.cancelled() > cancelledHere) {
                lines.add(new CancellationRequest.Line(line.lineNo(), line.cancelled() - cancelledHere));
                id.append(':').append(line.lineNo()).append('=').append(line.cancelled());
            }
        }
        if (!lines.isEmpty()) {
            cancellations.cancel(order.orderId(), channel, new CancellationRequest(id.toString(), lines), by);
        }
    }

    /**
     * An order of a SKU the catalogue does not know could not be shipped, returned or valued; a serialized one could
     * not be shipped, since a marketplace report names no serial numbers. Both wait as dead letters.
     */
    private void refuseUnknownProducts(MarketplaceOrder order) {
        for (MarketplaceOrder.Line line : order.lines()) {
            Optional<Product> product = catalog.product(line.sku());
            if (product.isEmpty()) {
                throw new MessageRejectedException("No product " + line.sku() + " is known");
            }
            if (product.get().serialized()) {
                throw new MessageRejectedException(line.sku() + " is serialized, and a marketplace report names no "
                        + "serial numbers: record the order and its shipment through the API instead");
            }
        }
    }

    static ReportMessage read(ObjectMapper json, ChannelMessage message) {
        try {
            return json.readValue(message.payload(), ReportMessage.class);
        } catch (JsonProcessingException unreadable) {
            throw new MessageRejectedException("The message is not a marketplace report record: "
                    + unreadable.getOriginalMessage());
        }
    }

    static ReportFormat format(ReportFormats formats, String channel) {
        return formats.of(channel).orElseThrow(() -> new MessageRejectedException("Channel " + channel
                + " has no marketplace report format"));
    }
}
