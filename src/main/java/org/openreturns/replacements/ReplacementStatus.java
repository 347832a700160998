package org.openreturns.replacements;

/** A replacement is shipped, or backordered while the warehouse has none to send. */
public enum ReplacementStatus {
    SHIPPED, BACKORDERED
}
