package org.openreturns.inventory;

/** A move the ledger refuses: not enough stock where it should come from, a serial that is elsewhere, ... */
public class StockMoveException extends RuntimeException {

    public StockMoveException(String message) {
        super(message);
    }
}
