package org.openreturns.marketplaces;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the units a report lists for one order into order lines: one line per SKU and unit price, numbered by SKU
 * and then price, so that the same order in another report (whose rows may come in another order) has the same lines.
 */
final class OrderLines {

    /** What a report says of some units of a line. */
    enum State { OPEN, SHIPPED, CANCELLED }

    private record Key(String sku, BigDecimal unitPrice) {
    }

    private static final class Units {
        int quantity;
        int shipped;
        int cancelled;
    }

    private final Map<Key, Units> lines = new TreeMap<>(Comparator.comparing(Key::sku)
            .thenComparing(Key::unitPrice));

    void add(String sku, BigDecimal unitPrice, int quantity, State state) {
        Units units = lines.computeIfAbsent(new Key(sku, unitPrice.stripTrailingZeros()), key -> new Units());
        units.quantity += quantity;
        if (state == State.SHIPPED) {
            units.shipped += quantity;
        } else if (state == State.CANCELLED) {
            units.cancelled += quantity;
        }
    }

    List<MarketplaceOrder.Line> lines() {
        List<MarketplaceOrder.Line> numbered = new ArrayList<>();
        lines.forEach((key, units) -> numbered.add(new MarketplaceOrder.Line(numbered.size() + 1, key.sku(),
                units.quantity, key.unitPrice(), units.shipped, units.cancelled)));
        return numbered;
    }
}
