package org.openreturns.inventory;

/** What business document a stock move belongs to. */
public enum ReferenceType {
    ORDER, RETURN, COUNT, ADJUSTMENT, PURCHASE, TRANSFER
}
