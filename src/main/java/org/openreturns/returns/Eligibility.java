package org.openreturns.returns;

/** What the eligibility decision says about a return line; the most severe line decides for the return. */
public enum Eligibility {
    AUTO_APPROVE(0), MANUAL_REVIEW(1), REJECT(2);

    private final int severity;

    Eligibility(int severity) {
        this.severity = severity;
    }

    int severity() {
        return severity;
    }
}
