package org.openreturns.inventory;

import java.util.Objects;

/**
 * A move to record in the stock ledger.
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
}
