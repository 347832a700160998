package org.openreturns.marketplaces;

import java.util.List;

import org.openreturns.returns.ReasonCode;

/**
 * A return the marketplace authorised itself, as its return report shows it: of which order, which SKUs and how many
 * units, and why (the marketplace's reason mapped to the product's reason code where one fits, and its own words).
 */
record MarketplaceReturn(String returnId, String orderId, List<Item> items) {

    /** @param reasonCode null when the marketplace's reason has no equivalent */
    record Item(String sku, int quantity, ReasonCode reasonCode, String reason) {
    }
}
