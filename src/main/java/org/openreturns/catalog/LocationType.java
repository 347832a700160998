package org.openreturns.catalog;

/**
 * The kinds of place stock can be in, per warehouse. Available-to-sell counts {@link #SELLABLE} only.
 * {@link #SCRAPPED} and {@link #CUSTOMER} are virtual: stock moved there has left the books.
 */
public enum LocationType {
    SELLABLE, RETURNS_RECEIVING, QUARANTINE, REFURBISHMENT, VENDOR_RETURN, LIQUIDATION, BLOCKED, SCRAPPED, CUSTOMER;

    public boolean isVirtual() {
        return this == SCRAPPED || this == CUSTOMER;
    }
}
