package org.openreturns.inventory;

/**
 * A move as the ledger recorded it.
 *
 * @param valueMinor     the value that moved, at the moving average cost of the source
 * @param recordedNow    false when the idempotency key had been recorded before, and nothing changed now
 */
public record RecordedMove(long moveId, String idempotencyKey, long valueMinor, long writeDownMinor,
                           boolean recordedNow) {
}
