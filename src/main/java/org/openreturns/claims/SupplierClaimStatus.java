package org.openreturns.claims;

/** A supplier claim is open until the warehouse ships the units to the supplier. */
public enum SupplierClaimStatus {
    OPEN, SHIPPED
}
