package org.openreturns.orders;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderService orderService;

    OrderController(OrderService orderService) {
        this.orderService = orderService;
    }

    /** 201 when the order is new, 200 when the same order was sent before. */
    @PostMapping
    ResponseEntity<OrderView> ingest(@Valid @RequestBody OrderIngestion order, Authentication caller) {
        OrderService.Ingested result = orderService.ingest(order, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(OrderView.of(result.order()));
    }

    record OrderView(String id, String channel, String customerId, OffsetDateTime placedAt,
                     OffsetDateTime deliveredAt, String currency, String warehouse, List<LineView> lines) {

        static OrderView of(SalesOrder order) {
            return new OrderView(order.orderNumber(), order.channel(), order.customerId(), order.placedAt(),
                    order.deliveredAt(), order.currency(), order.warehouse(), order.lines().stream()
                    .map(line -> new LineView(line.lineNo(), line.sku(), line.quantity(), line.unitPriceMinor(),
                            line.serials())).toList());
        }
    }

    record LineView(int lineNo, String sku, int quantity, long unitPriceMinor, List<String> serials) {
    }
}
