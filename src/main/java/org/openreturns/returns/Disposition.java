package org.openreturns.returns;

public enum Disposition {
    RESTOCK, REFURBISH, VENDOR_RETURN, LIQUIDATE, SCRAP, HOLD
}
