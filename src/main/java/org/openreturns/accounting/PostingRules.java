package org.openreturns.accounting;

import static org.openreturns.accounting.JournalEntryDraft.Line.credit;
import static org.openreturns.accounting.JournalEntryDraft.Line.debit;

import java.util.List;
import java.util.Optional;

import org.openreturns.catalog.LocationType;

/**
 * Every posting rule of docs/specification/accounting.md in one place: which accounts a stock move or a refund event
 * debits and credits. A stock move is posted from the account of the place it left to the account of the
 * place it reached; moves between places of one account post nothing. A refund is posted twice: when it is
 * approved (the debt to the customer) and when it is paid (the debt settled); a refund of nothing posts nothing.
 */
public final class PostingRules {

    private PostingRules() {
    }

    /** The account that holds the value of stock in a location of this type. */
    public static String accountOf(LocationType type, String reason) {
        return switch (type) {
            case SELLABLE -> Accounts.INVENTORY_SELLABLE;
            case RETURNS_RECEIVING, QUARANTINE, BLOCKED -> Accounts.INVENTORY_RETURNS_AND_QUARANTINE;
            case REFURBISHMENT -> Accounts.INVENTORY_REFURBISHMENT;
            case LIQUIDATION -> Accounts.INVENTORY_LIQUIDATION;
            case IN_TRANSIT -> Accounts.INVENTORY_IN_TRANSIT;
            case VENDOR_RETURN -> Accounts.SUPPLIER_CLAIMS_RECEIVABLE;
            case SCRAPPED -> Accounts.INVENTORY_WRITE_DOWNS;
            // A replacement shipped for a wrong item is a service recovery cost, not a sale.
            case CUSTOMER -> "REPLACEMENT_SHIPMENT".equals(reason)
                    ? Accounts.SERVICE_RECOVERY_COST : Accounts.COST_OF_GOODS_SOLD;
        };
    }

    /** The account on the side of a move that is outside the books, by why the stock crossed that border. */
    static Optional<String> outsideAccount(String reason) {
        return switch (reason) {
            case "PURCHASE_RECEIPT", "OPENING_BALANCE" -> Optional.of(Accounts.GOODS_RECEIVED_NOT_INVOICED);
            case "COUNT_ADJUSTMENT" -> Optional.of(Accounts.INVENTORY_COUNT_DIFFERENCES);
            // Shipping a vendor return does not settle the claim: the receivable stays until the supplier pays.
            case "VENDOR_SHIPMENT" -> Optional.empty();
            default -> throw new IllegalArgumentException("Stock cannot cross the books' border for reason " + reason);
        };
    }

    /**
     * The entry for a stock move at its value: Dr the destination's account, Cr the source's; a write-down on
     * the way (liquidation at net realisable value) is debited to inventory write-downs.
     */
    public static Optional<JournalEntryDraft> forStockMove(StockMovement move) {
        Optional<String> from = move.fromType() == null ? outsideAccount(move.reason())
                : Optional.of(accountOf(move.fromType(), move.reason()));
        Optional<String> to = move.toType() == null ? outsideAccount(move.reason())
                : Optional.of(accountOf(move.toType(), move.reason()));
        if (from.isEmpty() || to.isEmpty() || move.valueMinor() == 0
                || (from.get().equals(to.get()) && move.writeDownMinor() == 0)) {
            return Optional.empty();
        }
        List<JournalEntryDraft.Line> lines = List.of(
                debit(to.get(), move.valueMinor() - move.writeDownMinor()),
                debit(Accounts.INVENTORY_WRITE_DOWNS, move.writeDownMinor()),
                credit(from.get(), move.valueMinor()));
        return Optional.of(new JournalEntryDraft("stock-move-" + move.moveId(), move.reason(),
                JournalEntryDraft.SourceType.STOCK_MOVE, String.valueOf(move.moveId()), move.returnId(),
                move.returnLineNo(), move.currency(), null, lines));
    }

    /**
     * Refund approved: Dr sales returns / Cr refunds payable at the amount to pay. A restocking fee is part of
     * the sale that is reversed and kept as fee income: Dr sales returns / Cr restocking fee income.
     */
    public static Optional<JournalEntryDraft> forRefundApproved(RefundPosting refund) {
        if (refund.amountMinor() == 0 && refund.restockingFeeMinor() == 0) {
            return Optional.empty();
        }
        List<JournalEntryDraft.Line> lines = List.of(
                debit(Accounts.SALES_RETURNS, refund.amountMinor() + refund.restockingFeeMinor()),
                credit(Accounts.REFUNDS_PAYABLE, refund.amountMinor()),
                credit(Accounts.RESTOCKING_FEE_INCOME, refund.restockingFeeMinor()));
        return Optional.of(refundEntry("refund-approved-", "REFUND_APPROVED", refund, lines));
    }

    /** Refund paid: Dr refunds payable / Cr payment clearing at the amount paid. */
    public static Optional<JournalEntryDraft> forRefundPaid(RefundPosting refund) {
        if (refund.amountMinor() == 0) {
            return Optional.empty();
        }
        List<JournalEntryDraft.Line> lines = List.of(
                debit(Accounts.REFUNDS_PAYABLE, refund.amountMinor()),
                credit(Accounts.PAYMENT_CLEARING, refund.amountMinor()));
        return Optional.of(refundEntry("refund-paid-", "REFUND_PAID", refund, lines));
    }

    /**
     * Refund paid by the channel (it refunded the customer itself and deducts that from what it owes us): Dr refunds
     * payable / Cr channel receivable at the amount of the refund, instead of a payment of ours.
     */
    public static Optional<JournalEntryDraft> forRefundPaidByChannel(RefundPosting refund, String channel) {
        if (refund.amountMinor() == 0) {
            return Optional.empty();
        }
        List<JournalEntryDraft.Line> lines = List.of(
                debit(Accounts.REFUNDS_PAYABLE, refund.amountMinor()),
                credit(Accounts.CHANNEL_RECEIVABLE, refund.amountMinor()));
        return Optional.of(new JournalEntryDraft("refund-paid-" + refund.refundId(), "REFUND_PAID_BY_CHANNEL",
                JournalEntryDraft.SourceType.REFUND, String.valueOf(refund.refundId()), refund.returnId(),
                refund.returnLineNo(), refund.currency(), "Paid by channel " + channel, lines));
    }

    /**
     * A marketplace fee withheld from a settlement: Dr marketplace fees / Cr channel receivable. Its source is the
     * settlement line ({@code channel/settlement/line}); a reversal of the fee is the mirror entry
     * ({@link Journal#reverse}).
     */
    public static JournalEntryDraft forMarketplaceFee(String settlementLineRef, String currency, long amountMinor,
                                                      String description) {
        return new JournalEntryDraft("settlement-fee-" + settlementLineRef, "MARKETPLACE_FEE",
                JournalEntryDraft.SourceType.CHANNEL_SETTLEMENT, settlementLineRef, null, null, currency, description,
                List.of(debit(Accounts.MARKETPLACE_FEES, amountMinor),
                        credit(Accounts.CHANNEL_RECEIVABLE, amountMinor)));
    }

    private static JournalEntryDraft refundEntry(String keyPrefix, String reason, RefundPosting refund,
                                                 List<JournalEntryDraft.Line> lines) {
        return new JournalEntryDraft(keyPrefix + refund.refundId(), reason, JournalEntryDraft.SourceType.REFUND,
                String.valueOf(refund.refundId()), refund.returnId(), refund.returnLineNo(), refund.currency(), null,
                lines);
    }
}
