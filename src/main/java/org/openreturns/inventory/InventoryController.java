package org.openreturns.inventory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    private final StockLedger ledger;

    InventoryController(StockLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Available-to-sell counts sellable stock only, less what open orders reserve; returned units wait in their own
     * places until inspected.
     */
    @GetMapping("/{sku}")
    InventoryView inventory(@PathVariable String sku) {
        List<OnHand> onHand = ledger.onHand(sku);
        int reserved = ledger.reserved(sku);
        return new InventoryView(sku, StockLedger.availableToSell(onHand, reserved), reserved, onHand);
    }

    record InventoryView(String sku, int availableToSell, int reserved, List<OnHand> onHand) {
    }
}
