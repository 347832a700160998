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

    private static final LineFulfilment NOTHING = new LineFulfilment(0, 0);

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
        SalesOrder stored = orders.ingest(ingestion(message.channel(), order, report.warehouse()),
                report.importedBy()).order();
        Map<Integer, LineFulfilment> done = orders.fulfilment(stored.id());
        ShipmentRequest shipment = shipment(message.channel(), order, done);
        if (shipment != null) {
            shipments.ship(order.orderId(), message.channel(), shipment, report.importedBy());
        }
        CancellationRequest cancellation = cancellation(message.channel(), order, done);
        if (cancellation != null) {
            cancellations.cancel(order.orderId(), message.channel(), cancellation, report.importedBy());
        }
    }

    /** The order as the product takes it in: not delivered yet, so its open units reserve stock. */
    static OrderIngestion ingestion(String channel, MarketplaceOrder order, String warehouse) {
        return new OrderIngestion(order.orderId(), channel,
                new OrderIngestion.Customer(order.customerId(), order.customerEmail(), CustomerTier.STANDARD, null),
                order.placedAt(), null, order.currency(), warehouse, order.lines().stream()
                .map(line -> new OrderIngestion.Line(line.lineNo(), line.sku(), line.quantity(), line.unitPrice(),
                        List.of())).toList(), null, null);
    }

    /**
     * What the report shows shipped beyond what is shipped here ({@code done}), as a shipment whose id says up to
     * what; null when nothing is.
     */
    static ShipmentRequest shipment(String channel, MarketplaceOrder order, Map<Integer, LineFulfilment> done) {
        List<ShipmentRequest.Line> lines = new ArrayList<>();
        StringBuilder id = new StringBuilder(channel + ":" + order.orderId() + ":shipped");
        for (MarketplaceOrder.Line line : order.lines()) {
            int shippedHere = done.getOrDefault(line.lineNo(), NOTHING).shipped();
            if (line.shipped() > shippedHere) {
                lines.add(new ShipmentRequest.Line(line.lineNo(), line.shipped() - shippedHere, List.of()));
                id.append(':').append(line.lineNo()).append('=').append(line.shipped());
            }
        }
        return lines.isEmpty() ? null : new ShipmentRequest(id.toString(), null, order.shippedAt(), lines);
    }

    /** What the report shows cancelled beyond what is cancelled here; null when nothing is. */
    static CancellationRequest cancellation(String channel, MarketplaceOrder order,
                                            Map<Integer, LineFulfilment> done) {
        List<CancellationRequest.Line> lines = new ArrayList<>();
        StringBuilder id = new StringBuilder(channel + ":" + order.orderId() + ":cancelled");
        for (MarketplaceOrder.Line line : order.lines()) {
            int cancelledHere = done.getOrDefault(line.lineNo(), NOTHING).cancelled();
            if (line.cancelled() > cancelledHere) {
                lines.add(new CancellationRequest.Line(line.lineNo(), line.cancelled() - cancelledHere));
                id.append(':').append(line.lineNo()).append('=').append(line.cancelled());
            }
        }
        return lines.isEmpty() ? null : new CancellationRequest(id.toString(), lines);
    }

    /**
     * An order of a SKU the catalogue does not know could not be shipped, returned or valued; a serialized one could
     * not be shipped, since a marketplace report names no serial numbers. Both wait as dead letters.
     */
    private void refuseUnknownProducts(MarketplaceOrder order) {
        for (MarketplaceOrder.Line line : order.lines()) {
            refusal(line.sku(), catalog.product(line.sku())).ifPresent(reason -> {
                throw new MessageRejectedException(reason);
            });
        }
    }

    /** Why an order of the SKU cannot be taken from a report, or empty when it can. */
    static Optional<String> refusal(String sku, Optional<Product> product) {
        if (product.isEmpty()) {
            return Optional.of("No product " + sku + " is known");
        }
        if (product.get().serialized()) {
            return Optional.of(sku + " is serialized, and a marketplace report names no serial numbers: record the "
                    + "order and its shipment through the API instead");
        }
        return Optional.empty();
    }

    static ReportMessage read(ObjectMapper json, ChannelMessage message) {
        try {
            ReportMessage report = json.readValue(message.payload(), ReportMessage.class);
            if (report.rows() == null || report.rows().isEmpty()) {
                // The letter of a file that could not be read to its end: the corrected file brings its rows.
                throw new MessageRejectedException("The message holds no rows of the report: import the corrected "
                        + "file again, then discard this letter");
            }
            return report;
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
