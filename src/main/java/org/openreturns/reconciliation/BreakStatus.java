package org.openreturns.reconciliation;

/**
 * Where a break stands: open until someone resolves it, by an approved adjustment or by accepting it with a
 * reason; cleared when a later run no longer finds it (the disagreement went away by itself).
 */
public enum BreakStatus {
    OPEN, ADJUSTED, ACCEPTED, CLEARED
}
