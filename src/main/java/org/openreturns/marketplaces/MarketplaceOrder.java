package org.openreturns.marketplaces;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as a marketplace report shows it, in the product's terms: its lines (one per SKU and unit price, numbered
 * in the order of SKU and price so that every report of the order numbers them alike) and how many units of each the
 * marketplace reports shipped and cancelled so far.
 *
 * @param shippedAt when the report says the shipped units left (its last change of the order)
 */
record MarketplaceOrder(String orderId, OffsetDateTime placedAt, OffsetDateTime shippedAt, String currency,
                        String customerId, String customerEmail, List<Line> lines) {

    record Line(int lineNo, String sku, int quantity, BigDecimal unitPrice, int shipped, int cancelled) {
    }

    boolean anyShipped() {
        return lines.stream().anyMatch(line -> line.shipped() > 0);
    }

    boolean anyCancelled() {
        return lines.stream().anyMatch(line -> line.cancelled() > 0);
    }
}
