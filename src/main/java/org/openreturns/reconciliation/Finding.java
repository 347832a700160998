package org.openreturns.reconciliation;

import org.openreturns.catalog.LocationType;

/**
 * One disagreement a check found in this run.
 *
 * @param fingerprint what makes it the same break in the next run (type and the thing it is about)
 * @param reference   the business object it concerns: a return and line, a count, a channel
 */
record Finding(CheckType type, String fingerprint, String sku, String warehouseCode, LocationType locationType,
               String accountCode, String reference, long expected, long actual, String explanation) {

    long difference() {
        return actual - expected;
    }
}
