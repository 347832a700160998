package org.openreturns.inventory;

import org.openreturns.catalog.LocationType;

/** How many units of a SKU one place holds. */
public record OnHand(String warehouse, LocationType locationType, int quantity) {
}
