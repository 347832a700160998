package org.openreturns.marketplaces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.ChannelMessageHandler;
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.orders.OrderLine;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.openreturns.returns.ReasonCode;
import org.openreturns.returns.ReturnRequest;
import org.openreturns.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * Takes one return of a marketplace's return report: a return the marketplace authorised itself becomes a return here
 * through {@link ReturnService#request}, the path of {@code POST /api/returns}, so it runs the same lifecycle (expected
 * parcel, receipt, inspection, disposition). It is made once per order and marketplace return id.
 */
@Component
class MarketplaceReturnHandler implements ChannelMessageHandler {

    private final ReportFormats formats;
    private final OrderService orders;
    private final ReturnService returns;
    private final ObjectMapper json;

    MarketplaceReturnHandler(ReportFormats formats, OrderService orders, ReturnService returns, ObjectMapper json) {
        this.formats = formats;
        this.orders = orders;
        this.returns = returns;
        this.json = json;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(ReportMessage.RETURN_REPORT);
    }

    @Override
    public void take(ChannelMessage message) {
        ReportMessage report = MarketplaceOrderHandler.read(json, message);
        MarketplaceReturn authorised = MarketplaceOrderHandler.format(formats, message.channel())
                .returnOf(report.rows());
        // Refused (a dead letter) while the order is not known here yet: replayed once its order report is imported.
        SalesOrder order = orders.order(authorised.orderId(), message.channel(), false);
        List<ReturnRequest.Line> lines = new ArrayList<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<String, ReasonCode> reasons = new LinkedHashMap<>();
        for (MarketplaceReturn.Item item : authorised.items()) {
            units.merge(item.sku(), item.quantity(), Integer::sum);
            reasons.putIfAbsent(item.sku(), item.reasonCode());
        }
        units.forEach((sku, quantity) -> lines.addAll(linesOf(order, sku, quantity, reasons.get(sku))));
        String theirReasons = authorised.items().stream().filter(item -> !item.reason().isBlank())
                .map(item -> item.sku() + ": " + item.reason()).distinct().collect(Collectors.joining("; "));
        returns.request(new ReturnRequest(order.orderNumber(), message.channel(), lines,
                "Return " + authorised.returnId() + " authorised by " + message.channel()
                        + (theirReasons.isEmpty() ? "" : " (" + theirReasons + ")"),
                message.channel(), authorised.returnId()), report.importedBy());
    }

    /**
     * The order's lines of the SKU the units come back on, filled in line order; units beyond what the lines sold stay
     * on the last one, where the return's own check refuses them as more than was sold.
     */
    private static List<ReturnRequest.Line> linesOf(SalesOrder order, String sku, int quantity, ReasonCode reason) {
        List<OrderLine> sold = order.lines().stream().filter(line -> line.sku().equals(sku)).toList();
        if (sold.isEmpty()) {
            throw new MessageRejectedException("Order " + order.orderNumber() + " of " + order.channel()
                    + " has no line of " + sku);
        }
        List<ReturnRequest.Line> lines = new ArrayList<>();
        int left = quantity;
        for (int i = 0; i < sold.size() && left > 0; i++) {
            boolean last = i == sold.size() - 1;
            int take = last ? left : Math.min(left, sold.get(i).quantity());
            lines.add(new ReturnRequest.Line(sold.get(i).lineNo(), take, reason, null));
            left -= take;
        }
        return lines;
    }
}
