package org.openreturns.process.operaton;

import java.util.Set;

/**
 * What a business rule task needs to know about the decision it calls: the shape of the decision's result.
 *
 * @param hitPolicy     as written in the DMN file ({@code UNIQUE}, {@code FIRST}, {@code COLLECT}, {@code RULE ORDER}
 *                      ...); a literal expression counts as {@code UNIQUE}
 * @param aggregated    a {@code COLLECT} table with an aggregation ({@code SUM}, {@code COUNT} ...)
 * @param outputCount   the number of output columns; 1 for a literal expression
 */
record DecisionShape(String decisionId, String hitPolicy, boolean aggregated, int outputCount) {

    private static final Set<String> SINGLE_HIT_POLICIES = Set.of("UNIQUE", "FIRST", "ANY", "PRIORITY");

    /**
     * The Operaton {@code mapDecisionResult} that hands the business rule task's result variable over in the shape
     * Zeebe gives it: a bare value for one output of one rule (or an aggregate), a context for several outputs of one
     * rule, a list of values for one output of many rules, and a list of contexts otherwise.
     */
    String mapDecisionResult() {
        if (SINGLE_HIT_POLICIES.contains(hitPolicy)) {
            return outputCount == 1 ? "singleEntry" : "singleResult";
        }
        if ("COLLECT".equals(hitPolicy) && aggregated) {
            return "singleEntry";
        }
        if ("COLLECT".equals(hitPolicy) && outputCount == 1) {
            return "collectEntries";
        }
        return "resultList";
    }
}
