package org.openreturns.process.operaton;

import java.util.List;

/** A DMN file ready for the embedded engine, and the shape of each decision it defines. */
record TranslatedDecisions(byte[] content, List<DecisionShape> decisions) {

    TranslatedDecisions {
        decisions = List.copyOf(decisions);
    }
}
