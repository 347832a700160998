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
     * @return the outputs of every matched rule (output name to plain value); at most one for FIRST and UNIQUE
     */
    List<Map<String, Object>> evaluate(String decisionId, Map<String, Object> inputs);
}
