package org.openreturns.quality;

import org.openreturns.returns.Grade;

/**
 * What quality recorded for a return line.
 *
 * @param serialMatches null for items without serials
 * @param passed        the SKU matched and no other serial was found: money may leave (principle 2 of
 *                      docs/specification/README.md)
 */
public record LineInspection(int lineNo, Grade grade, boolean skuMatches, Boolean serialMatches,
                             boolean reasonConfirmed, String inspectedBy) {

    public boolean passed() {
        return skuMatches && !Boolean.FALSE.equals(serialMatches);
    }
}
