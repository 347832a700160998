package org.openreturns.orders;

/** What was shipped and what was cancelled of one order line, in units. */
public record LineFulfilment(int shipped, int cancelled) {

    static final LineFulfilment NONE = new LineFulfilment(0, 0);

    /** The units still to ship: ordered minus shipped minus cancelled. */
    int open(OrderLine line) {
        return line.quantity() - shipped - cancelled;
    }
}
