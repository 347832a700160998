package org.openreturns.quality;

import org.openreturns.returns.Grade;

/**
 * What quality recorded for a return line.
 *
 * @param serialMatches null for items without serials
 * @param passed        the SKU matched and no other serial was found: money may leave (DOMAIN.md principle 2)
 */
public record LineInspection(int lineNo, Grade grade, boolean skuMatches, Boolean serialMatches,
                             boolean reasonConfirmed, String inspectedBy) {

    public boolean passed() {
        return skuMatches && !Boolean.FALSE.equals(serialMatches);
    }
}
