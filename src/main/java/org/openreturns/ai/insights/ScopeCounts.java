package org.openreturns.ai.insights;

import java.util.Map;

/**
 * What was sold and returned in one scope (a SKU, a category or a supplier) in the window looked at ("now") and in
 * the baseline weeks before it, with the returned units by reason code and, for the window, by inspection grade.
 */
public record ScopeCounts(Scope scope, String key, int soldNow, int returnedNow, int soldBefore, int returnedBefore,
                          Map<String, Integer> reasonsNow, Map<String, Integer> reasonsBefore,
                          Map<String, Integer> gradesNow) {

    public enum Scope {
        SKU, CATEGORY, SUPPLIER
    }

    public ScopeCounts {
        reasonsNow = Map.copyOf(reasonsNow);
        reasonsBefore = Map.copyOf(reasonsBefore);
        gradesNow = Map.copyOf(gradesNow);
    }
}
