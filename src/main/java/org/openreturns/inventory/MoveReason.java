package org.openreturns.inventory;

/** Why stock moved; the journal posts each move by its reason and the places it left and reached. */
public enum MoveReason {
    PURCHASE_RECEIPT, OPENING_BALANCE, SALE_SHIPMENT, RETURN_RECEIPT, QUARANTINE, RESTOCK, REFURBISH, REFURBISHED,
    VENDOR_RETURN, VENDOR_SHIPMENT, LIQUIDATE, SCRAP, BLOCK, RELEASE, REPLACEMENT_SHIPMENT, TRANSFER,
    COUNT_ADJUSTMENT
}
