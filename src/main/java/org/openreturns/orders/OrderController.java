package org.openreturns.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderService orderService;
    private final OrderShipments shipments;
    private final OrderCancellations cancellations;

    OrderController(OrderService orderService, OrderShipments shipments, OrderCancellations cancellations) {
        this.orderService = orderService;
        this.shipments = shipments;
        this.cancellations = cancellations;
    }

    /** 201 when the order is new, 200 when the same order was sent before. */
    @PostMapping
    ResponseEntity<OrderView> ingest(@Valid @RequestBody OrderIngestion order, Authentication caller) {
        OrderService.Ingested result = orderService.ingest(order, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(OrderView.of(result.order(), orderService.fulfilment(result.order().id())));
    }

    /** The order with what was shipped and cancelled of each line; {@code channel} when two channels use the id. */
    @GetMapping("/{orderId}")
    OrderView order(@PathVariable String orderId, @RequestParam(required = false) String channel) {
        SalesOrder order = orderService.order(orderId, channel, false);
        return OrderView.of(order, orderService.fulfilment(order.id()));
    }

    /** 201 when the shipment is new, 200 when the same shipment was sent before. */
    @PostMapping("/{orderId}/shipments")
    ResponseEntity<ShipmentView> ship(@PathVariable String orderId, @RequestParam(required = false) String channel,
                                      @Valid @RequestBody ShipmentRequest shipment, Authentication caller) {
        OrderShipments.Shipped result = shipments.ship(orderId, channel, shipment, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ShipmentView.of(result));
    }

    /** 201 when the cancellation is new, 200 when the same cancellation was sent before. */
    @PostMapping("/{orderId}/cancellations")
    ResponseEntity<CancellationView> cancel(@PathVariable String orderId,
                                            @RequestParam(required = false) String channel,
                                            @Valid @RequestBody CancellationRequest cancellation,
                                            Authentication caller) {
        OrderCancellations.Cancelled result = cancellations.cancel(orderId, channel, cancellation, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CancellationView.of(result));
    }

    record OrderView(String id, String channel, String customerId, OffsetDateTime placedAt,
                     OffsetDateTime deliveredAt, String currency, String warehouse, List<LineView> lines) {

        static OrderView of(SalesOrder order, Map<Integer, LineFulfilment> fulfilment) {
            return new OrderView(order.orderNumber(), order.channel(), order.customerId(), order.placedAt(),
                    order.deliveredAt(), order.currency(), order.warehouse(), order.lines().stream()
                    .map(line -> {
                        LineFulfilment done = fulfilment.getOrDefault(line.lineNo(), LineFulfilment.NONE);
                        return new LineView(line.lineNo(), line.sku(), line.quantity(), line.unitPriceMinor(),
                                line.serials(), done.shipped(), done.cancelled());
                    }).toList());
        }
    }

    record LineView(int lineNo, String sku, int quantity, long unitPriceMinor, List<String> serials,
                    int shippedQuantity, int cancelledQuantity) {
    }

    record CancellationView(String cancellationId, String orderId, String channel, List<CancellationLineView> lines,
                            String recordedBy, OffsetDateTime recordedAt) {

        static CancellationView of(OrderCancellations.Cancelled cancelled) {
            SalesOrder order = cancelled.order();
            Cancellation cancellation = cancelled.cancellation();
            return new CancellationView(cancellation.cancellationId(), order.orderNumber(), order.channel(),
                    cancellation.lines().stream().map(line -> new CancellationLineView(line.lineNo(),
                            order.line(line.lineNo()).orElseThrow().sku(), line.quantity())).toList(),
                    cancellation.recordedBy(), cancellation.recordedAt());
        }
    }

    record CancellationLineView(int lineNo, String sku, int quantity) {
    }

    record ShipmentView(String shipmentId, String orderId, String channel, String warehouse, OffsetDateTime shippedAt,
                        List<ShipmentLineView> lines, String recordedBy, OffsetDateTime recordedAt) {

        static ShipmentView of(OrderShipments.Shipped shipped) {
            SalesOrder order = shipped.order();
            Shipment shipment = shipped.shipment();
            return new ShipmentView(shipment.shipmentId(), order.orderNumber(), order.channel(), shipment.warehouse(),
                    shipment.shippedAt(), shipment.lines().stream().map(line -> new ShipmentLineView(line.lineNo(),
                    order.line(line.lineNo()).orElseThrow().sku(), line.quantity(), line.serials(),
                    shipped.costByLine().get(line.lineNo()))).toList(), shipment.recordedBy(), shipment.recordedAt());
        }
    }

    /** {@code costMinor}: what the units were worth in sellable stock, posted as cost of goods sold. */
    record ShipmentLineView(int lineNo, String sku, int quantity, List<String> serials, long costMinor) {
    }
}
