package org.openreturns.orders;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customers are not created here: each order brings its customer along ({@code POST /api/orders}). */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final OrderService orderService;

    CustomerController(OrderService orderService) {
        this.orderService = orderService;
    }

    @GetMapping("/{id}")
    Customer customer(@PathVariable String id) {
        return orderService.customer(id);
    }
}
