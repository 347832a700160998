package org.openreturns.replacements;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replacement orders sent for wrong items, and those waiting for stock. */
@RestController
@RequestMapping("/api/replacements")
class ReplacementController {

    private final ReplacementOrders orders;

    ReplacementController(ReplacementOrders orders) {
        this.orders = orders;
    }

    @GetMapping
    List<ReplacementView> orders(@RequestParam(required = false) String status) {
        return orders.orders(status);
    }
}
