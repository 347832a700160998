package org.openreturns.purchasing;

/** Where a purchase order stands, derived from its lines, its receipts and whether it was closed. */
public enum PurchaseOrderStatus {
    /** Nothing received yet. */
    OPEN,
    /** Some units received, some still outstanding. */
    PARTLY_RECEIVED,
    /** Every line received in full (or more, within the tolerance). */
    RECEIVED,
    /** Closed by a person: whatever was still outstanding will not come. */
    CLOSED
}
