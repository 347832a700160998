package org.openreturns.orders;

import java.util.List;

/** One line of a stored sales order; the price in minor units of the order's currency. */
public record OrderLine(long orderId, int lineNo, String sku, int quantity, long unitPriceMinor, List<String> serials) {
}
