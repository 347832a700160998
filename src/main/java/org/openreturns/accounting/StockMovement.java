package org.openreturns.accounting;

import java.util.UUID;

import org.openreturns.catalog.LocationType;

/**
 * What the journal needs to know of a stock move to post it.
 *
 * @param fromType null when the stock came from outside the books (a supplier, a count adjustment)
 * @param toType   null when the stock left the books to outside (a shipment back to the supplier)
 */
public record StockMovement(long moveId, String reason, LocationType fromType, LocationType toType, long valueMinor,
                            long writeDownMinor, String currency, UUID returnId, Integer returnLineNo) {
}
