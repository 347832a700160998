package org.openreturns.inventory;

/** What business document a stock move belongs to; PARCEL is a parcel that arrived without a known return. */
public enum ReferenceType {
    ORDER, RETURN, COUNT, ADJUSTMENT, PURCHASE, TRANSFER, PARCEL
}
