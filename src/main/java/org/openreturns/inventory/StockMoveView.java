package org.openreturns.inventory;

import java.time.OffsetDateTime;

import org.openreturns.catalog.LocationType;

/**
 * A recorded move as a person reads it: which units went from which place to which, why, worth how much, by whom.
 * A side outside the books (a supplier, a count) has no warehouse and no location type.
 */
public record StockMoveView(long id, String sku, String serial, int quantity, String fromWarehouse,
                            LocationType fromType, String toWarehouse, LocationType toType, MoveReason reason,
                            Integer referenceLine, long valueMinor, long writeDownMinor, String currency,
                            String movedBy, OffsetDateTime movedAt) {
}
