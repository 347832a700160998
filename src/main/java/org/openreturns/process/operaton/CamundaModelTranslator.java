package org.openreturns.process.operaton;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the Camunda 8 (Zeebe) BPMN and DMN files that analysts edit in Camunda Modeler into models the embedded
 * Operaton engine runs, in memory at deploy time, so that {@code bpmn/} stays the one source for both runtimes.
 *
 * <p>The translation covers the constructs our models use. Anything else fails with the file, the element id and
 * the construct named, rather than deploying a model that would behave differently from Camunda 8. The same input always gives the same bytes, so an unchanged file creates no new version.
 */
final class CamundaModelTranslator {

    private final String retryBackoff;
    private final String historyTimeToLive;

    /**
     * @param retryBackoff      the wait between attempts of a failed service task, an ISO-8601 duration such as
     *                          {@code PT10S}
     * @param historyTimeToLive given to every process and decision that has none, such as {@code P180D}
     */
    CamundaModelTranslator(String retryBackoff, String historyTimeToLive) {
        this.retryBackoff = requireDuration(retryBackoff);
        this.historyTimeToLive = Objects.requireNonNull(historyTimeToLive, "historyTimeToLive");
    }

    /** Reads a DMN file: returns the translated bytes plus, per decision, the facts the BPMN translation needs. */
    TranslatedDecisions translateDmn(String fileName, byte[] content) {
        return new DmnTranslation(fileName, XmlDocuments.parse(fileName, content), historyTimeToLive).translate();
    }

    /** Translates a BPMN file; {@code decisions} are all decisions of the deployment, by decision id. */
    TranslatedProcess translateBpmn(String fileName, byte[] content, Map<String, DecisionShape> decisions) {
        return new BpmnTranslation(fileName, XmlDocuments.parse(fileName, content), retryBackoff, historyTimeToLive,
                decisions).translate();
    }

    /** A typo in the configuration should stop startup, not surface as an unparsable retry cycle at the first failure. */
    private static String requireDuration(String retryBackoff) {
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        try {
            Duration.parse(retryBackoff);
            return retryBackoff;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The retry backoff must be an ISO-8601 duration such as PT10S, not '"
                    + retryBackoff + "'", e);
        }
    }
}
