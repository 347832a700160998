package org.openreturns.purchasing;

import java.time.OffsetDateTime;
import java.util.List;

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
@RequestMapping("/api/purchase-orders")
class PurchaseOrderController {

    private final PurchaseOrders orders;

    PurchaseOrderController(PurchaseOrders orders) {
        this.orders = orders;
    }

    /** 201 when the order is new, 200 when the same order was sent before. */
    @PostMapping
    ResponseEntity<PurchaseOrderView> record(@Valid @RequestBody PurchaseOrderRequest order, Authentication caller) {
        PurchaseOrders.Outcome result = orders.record(order, caller.getName());
        return ResponseEntity.status(result.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PurchaseOrderView.of(result.order()));
    }

    @GetMapping("/{id}")
    PurchaseOrderView order(@PathVariable String id) {
        return PurchaseOrderView.of(orders.find(id));
    }

    /** Newest first; {@code supplier} and {@code status} narrow the list when given. */
    @GetMapping
    List<PurchaseOrderView> orders(@RequestParam(required = false) String supplier,
                                   @RequestParam(required = false) PurchaseOrderStatus status) {
        return orders.list(supplier, status).stream().map(PurchaseOrderView::of).toList();
    }

    /** 200 with the closed order, also when it was closed with the same reason before. */
    @PostMapping("/{id}/close")
    PurchaseOrderView close(@PathVariable String id, @Valid @RequestBody PurchaseOrderRequest.Close close,
                            Authentication caller) {
        return PurchaseOrderView.of(orders.close(id, close, caller.getName()).order());
    }

    record PurchaseOrderView(String id, String supplier, String warehouse, OffsetDateTime orderedAt,
                             OffsetDateTime expectedAt, String currency, PurchaseOrderStatus status,
                             List<LineView> lines, String recordedBy, OffsetDateTime recordedAt,
                             OffsetDateTime closedAt, String closedBy, String closeReason) {

        static PurchaseOrderView of(PurchaseOrder order) {
            return new PurchaseOrderView(order.id(), order.supplier(), order.warehouse(), order.orderedAt(),
                    order.expectedAt(), order.currency(), order.status(), order.lines().stream()
                    .map(line -> new LineView(line.lineNo(), line.sku(), line.unitCostMinor(), line.quantity(),
                            line.received(), line.outstanding(order.closed()), line.closedQuantity(order.closed())))
                    .toList(), order.recordedBy(), order.recordedAt(), order.closedAt(), order.closedBy(),
                    order.closeReason());
        }
    }

    /**
     * @param outstanding units still to come (0 once the order is closed or the line received in full)
     * @param closed      units given up on when the order was closed
     */
    record LineView(int lineNo, String sku, long unitCostMinor, int ordered, long received, long outstanding,
                    long closed) {
    }
}
