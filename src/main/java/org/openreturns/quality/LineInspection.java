package org.openreturns.quality;

import java.util.List;

import org.openreturns.returns.Grade;

/**
 * What quality recorded for a return line.
 *
 * @param serialMatches null for items without serials
 * @param passed        the SKU matched and no other serial was found: money may leave (principle 2 of
 *                      docs/specification/README.md)
 * @param evidence      the inspector's references to photos or documents, one per entry
 */
public record LineInspection(int lineNo, Grade grade, boolean skuMatches, Boolean serialMatches,
                             boolean reasonConfirmed, String inspectedBy, List<String> evidence) {

    public LineInspection {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean passed() {
        return skuMatches && !Boolean.FALSE.equals(serialMatches);
    }
}
