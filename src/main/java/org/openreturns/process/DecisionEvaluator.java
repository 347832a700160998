package org.openreturns.process;

import java.util.List;
import java.util.Map;

/**
 * Evaluates a DMN decision of {@code bpmn/} on the running engine. Step handlers use it to decide once per return
 * line, which a business-rule task (one evaluation per instance) cannot do.
 */
public interface DecisionEvaluator {

    /**
     * Evaluates the latest deployed version of the decision.
     *
     * @param inputs the input variables by name; a missing one is null to the table
     * @return the outputs of every matched rule in rule order, one map per rule from output name to a String,
     *         Boolean, Long or Double (an empty output cell gives null or no entry); at most one map for FIRST and
     *         UNIQUE, none when no rule matches
     * @throws IllegalArgumentException no decision of this id is deployed
     */
    List<Map<String, Object>> evaluate(String decisionId, Map<String, Object> inputs);
}
