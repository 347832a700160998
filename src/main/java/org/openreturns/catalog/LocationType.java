package org.openreturns.catalog;

/**
 * The kinds of place stock can be in, per warehouse. Available-to-sell counts {@link #SELLABLE} only.
 * {@link #SCRAPPED} and {@link #CUSTOMER} are virtual: stock moved there has left the books.
 */
public enum LocationType {
    SELLABLE, RETURNS_RECEIVING, QUARANTINE, REFURBISHMENT, VENDOR_RETURN, LIQUIDATION, BLOCKED, SCRAPPED, CUSTOMER,
    /** Stock on its way to this warehouse from another: on the books, not available to sell. */
    IN_TRANSIT;

    public boolean isVirtual() {
        return this == SCRAPPED || this == CUSTOMER;
    }
}
