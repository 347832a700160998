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

    OrderController(OrderService orderService, OrderShipments shipments) {
        this.orderService = orderService;
        this.shipments = shipments;
    }

    /** 201 when the order is new, 200 when the same order was sent before. */
    @PostMapping
    ResponseEntity<OrderView> ingest(@Valid @RequestBody OrderIngestion order, Authentication caller) {
        OrderService.Ingested result = orderService.ingest(order, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(OrderView.of(result.order(), shipments.shippedByLine(result.order().id())));
    }

    /** The order with what has been shipped of each line; {@code channel} when two channels use the same id. */
    @GetMapping("/{orderId}")
    OrderView order(@PathVariable String orderId, @RequestParam(required = false) String channel) {
        SalesOrder order = orderService.order(orderId, channel, false);
        return OrderView.of(order, shipments.shippedByLine(order.id()));
    }

    /** 201 when the shipment is new, 200 when the same shipment was sent before. */
    @PostMapping("/{orderId}/shipments")
    ResponseEntity<ShipmentView> ship(@PathVariable String orderId, @RequestParam(required = false) String channel,
                                      @Valid @RequestBody ShipmentRequest shipment, Authentication caller) {
        OrderShipments.Shipped result = shipments.ship(orderId, channel, shipment, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ShipmentView.of(result));
    }

    record OrderView(String id, String channel, String customerId, OffsetDateTime placedAt,
                     OffsetDateTime deliveredAt, String currency, String warehouse, List<LineView> lines) {

        static OrderView of(SalesOrder order, Map<Integer, Integer> shippedByLine) {
            return new OrderView(order.orderNumber(), order.channel(), order.customerId(), order.placedAt(),
                    order.deliveredAt(), order.currency(), order.warehouse(), order.lines().stream()
                    .map(line -> new LineView(line.lineNo(), line.sku(), line.quantity(), line.unitPriceMinor(),
                            line.serials(), shippedByLine.getOrDefault(line.lineNo(), 0))).toList());
        }
    }

    record LineView(int lineNo, String sku, int quantity, long unitPriceMinor, List<String> serials,
                    int shippedQuantity) {
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
