package org.openreturns.inventory;

import java.util.Objects;
import java.util.UUID;

/**
 * A move to record in the stock ledger. Build it with the factory for the kind of move (a purchase, a return
 * receipt, a move between places, a count adjustment, ...), not with the constructor's fourteen values.
 *
 * @param idempotencyKey         recording the same key twice records one move
 * @param fromLocationId         null when the stock comes from outside the books (supplier, count adjustment)
 * @param toLocationId           null when the stock leaves to outside the books (shipped back to the supplier)
 * @param unitCostMinor          the cost per unit of stock entering the books; ignored otherwise, where the
 *                               move takes the moving average cost of the place it leaves
 * @param valueAtDestinationMinor for a move that writes the stock down on the way (a liquidation at net
 *                               realisable value): what the units are worth where they arrive; null otherwise
 * @param referenceLine          the order or return line the move is for, if any
 */
public record StockMoveRequest(String idempotencyKey, String sku, String serial, String lot, int quantity,
                               Long fromLocationId, Long toLocationId, MoveReason reason,
                               ReferenceType referenceType, String referenceId, Integer referenceLine,
                               Long unitCostMinor, Long valueAtDestinationMinor, String movedBy) {

    public StockMoveRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(referenceType, "referenceType");
        Objects.requireNonNull(referenceId, "referenceId");
        Objects.requireNonNull(movedBy, "movedBy");
    }

    /** The business document a move belongs to, and its line if the move is for one. */
    public record Reference(ReferenceType type, String id, Integer line) {

        public static Reference returnLine(UUID returnId, int lineNo) {
            return new Reference(ReferenceType.RETURN, returnId.toString(), lineNo);
        }

        /** A line of a sales order, by the order's internal id (not the channel's order number). */
        public static Reference orderLine(long orderId, int lineNo) {
            return new Reference(ReferenceType.ORDER, String.valueOf(orderId), lineNo);
        }

        /** A parcel that arrived without a known return, by its receipt. */
        public static Reference parcel(long receiptId) {
            return new Reference(ReferenceType.PARCEL, String.valueOf(receiptId), null);
        }

        public static Reference purchase(String purchaseOrder) {
            return new Reference(ReferenceType.PURCHASE, purchaseOrder, null);
        }

        public static Reference count(String countId) {
            return new Reference(ReferenceType.COUNT, countId, null);
        }

        public static Reference adjustment(String why) {
            return new Reference(ReferenceType.ADJUSTMENT, why, null);
        }
    }

    /**
     * Units moving from one place to another, where either may be outside the books (null). Inside the books the
     * units carry the average cost of the place they leave; units entering the books need {@link #atUnitCost}.
     */
    public static StockMoveRequest move(String idempotencyKey, String sku, String serial, int quantity,
                                        Long fromLocationId, Long toLocationId, MoveReason reason,
                                        Reference reference, String movedBy) {
        return new StockMoveRequest(idempotencyKey, sku, serial, null, quantity, fromLocationId, toLocationId,
                reason, reference.type(), reference.id(), reference.line(), null, null, movedBy);
    }

    /** Units moving between two places of the books, at the average cost of the place they leave. */
    public static StockMoveRequest between(String idempotencyKey, String sku, String serial, int quantity,
                                           long fromLocationId, long toLocationId, MoveReason reason,
                                           Reference reference, String movedBy) {
        return move(idempotencyKey, sku, serial, quantity, fromLocationId, toLocationId, reason, reference, movedBy);
    }

    /** Units leaving the books from a place, e.g. shipped back to the supplier. */
    public static StockMoveRequest outOfTheBooks(String idempotencyKey, String sku, String serial, int quantity,
                                                 long fromLocationId, MoveReason reason, Reference reference,
                                                 String movedBy) {
        return move(idempotencyKey, sku, serial, quantity, fromLocationId, null, reason, reference, movedBy);
    }

    /** Units bought from a supplier onto a place, at their unit cost. */
    public static StockMoveRequest purchaseReceipt(String idempotencyKey, String sku, String serial, int quantity,
                                                   long toLocationId, long unitCostMinor, String purchaseOrder,
                                                   String movedBy) {
        return move(idempotencyKey, sku, serial, quantity, null, toLocationId, MoveReason.PURCHASE_RECEIPT,
                Reference.purchase(purchaseOrder), movedBy).atUnitCost(unitCostMinor);
    }

    /**
     * Units of an order line shipped to the customer: from SELLABLE to the warehouse's (virtual) CUSTOMER place, at the
     * average cost of sellable stock, which the journal posts as cost of goods sold.
     */
    public static StockMoveRequest saleShipment(String idempotencyKey, String sku, String serial, int quantity,
                                                long sellableLocationId, long customerLocationId, long orderId,
                                                int lineNo, String movedBy) {
        return between(idempotencyKey, sku, serial, quantity, sellableLocationId, customerLocationId,
                MoveReason.SALE_SHIPMENT, Reference.orderLine(orderId, lineNo), movedBy);
    }

    /** Units of a transfer between warehouses, from one place to another of the books, at the source's average cost. */
    public static StockMoveRequest transfer(String idempotencyKey, String sku, String serial, int quantity,
                                            long fromLocationId, long toLocationId, String transferId,
                                            String movedBy) {
        return between(idempotencyKey, sku, serial, quantity, fromLocationId, toLocationId, MoveReason.TRANSFER,
                new Reference(ReferenceType.TRANSFER, transferId, null), movedBy);
    }

    /** The stock a place holds when the ledger starts, at its unit cost. */
    public static StockMoveRequest openingStock(String idempotencyKey, String sku, String serial, int quantity,
                                                long toLocationId, long unitCostMinor, String movedBy) {
        return move(idempotencyKey, sku, serial, quantity, null, toLocationId, MoveReason.OPENING_BALANCE,
                Reference.purchase("opening-balance"), movedBy).atUnitCost(unitCostMinor);
    }

    /**
     * Returned units taken from the customer's (virtual) place into returns receiving; they enter the books again
     * at their unit cost.
     */
    public static StockMoveRequest returnReceipt(String idempotencyKey, String sku, String serial, int quantity,
                                                 long customerLocationId, long receivingLocationId,
                                                 long unitCostMinor, Reference reference, String movedBy) {
        return move(idempotencyKey, sku, serial, quantity, customerLocationId, receivingLocationId,
                MoveReason.RETURN_RECEIPT, reference, movedBy).atUnitCost(unitCostMinor);
    }

    /** More units counted at a place than the books hold: the surplus enters the books at its unit cost. */
    public static StockMoveRequest countSurplus(String idempotencyKey, String sku, int quantity, long locationId,
                                                long unitCostMinor, String countId, String movedBy) {
        return move(idempotencyKey, sku, null, quantity, null, locationId, MoveReason.COUNT_ADJUSTMENT,
                Reference.count(countId), movedBy).atUnitCost(unitCostMinor);
    }

    /** Fewer units counted at a place than the books hold: the shortage leaves the books. */
    public static StockMoveRequest countShortage(String idempotencyKey, String sku, int quantity, long locationId,
                                                 String countId, String movedBy) {
        return outOfTheBooks(idempotencyKey, sku, null, quantity, locationId, MoveReason.COUNT_ADJUSTMENT,
                Reference.count(countId), movedBy);
    }

    /** This move with the cost per unit of stock entering the books. */
    public StockMoveRequest atUnitCost(long unitCostMinor) {
        return new StockMoveRequest(idempotencyKey, sku, serial, lot, quantity, fromLocationId, toLocationId, reason,
                referenceType, referenceId, referenceLine, unitCostMinor, valueAtDestinationMinor, movedBy);
    }

    /** This move writing the units down on the way, to what they are worth where they arrive. */
    public StockMoveRequest writtenDownTo(long valueAtDestinationMinor) {
        return new StockMoveRequest(idempotencyKey, sku, serial, lot, quantity, fromLocationId, toLocationId, reason,
                referenceType, referenceId, referenceLine, unitCostMinor, valueAtDestinationMinor, movedBy);
    }
}
