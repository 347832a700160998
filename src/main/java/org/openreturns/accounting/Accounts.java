package org.openreturns.accounting;

/**
 * The chart of accounts of docs/specification/accounting.md (with the two counter-accounts the stock ledger needs),
 * by code.
 */
public final class Accounts {

    public static final String PAYMENT_CLEARING = "1000";
    /** What the channels owe us; marketplace fees and refunds the channel paid are deducted from it. */
    public static final String CHANNEL_RECEIVABLE = "1200";
    public static final String INVENTORY_SELLABLE = "1300";
    public static final String INVENTORY_RETURNS_AND_QUARANTINE = "1310";
    public static final String INVENTORY_REFURBISHMENT = "1320";
    public static final String INVENTORY_LIQUIDATION = "1330";
    public static final String INVENTORY_IN_TRANSIT = "1340";
    public static final String SUPPLIER_CLAIMS_RECEIVABLE = "1400";
    /** Counter-account of stock that enters the books from a supplier or as an opening balance. */
    public static final String GOODS_RECEIVED_NOT_INVOICED = "2000";
    public static final String REFUNDS_PAYABLE = "2100";
    public static final String SALES_RETURNS = "4100";
    public static final String RESTOCKING_FEE_INCOME = "4200";
    public static final String COST_OF_GOODS_SOLD = "5000";
    public static final String INVENTORY_WRITE_DOWNS = "5100";
    public static final String SERVICE_RECOVERY_COST = "5200";
    /** Counter-account of approved count adjustments. */
    public static final String INVENTORY_COUNT_DIFFERENCES = "5300";
    public static final String MARKETPLACE_FEES = "5400";

    private Accounts() {
    }
}
