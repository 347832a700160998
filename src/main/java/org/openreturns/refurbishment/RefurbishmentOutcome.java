package org.openreturns.refurbishment;

/** How a refurbishment ends: the unit is sellable again, or it could not be saved. */
public enum RefurbishmentOutcome {
    RESTOCK, SCRAP
}
