package org.openreturns.ai.risk;

import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnDetails;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Scores the return's risk before its eligibility is checked; the review form shows the score and its signals. */
@Component
class ScoreReturnRiskHandler implements StepHandler {

    static final String TASK_TYPE = "score-return-risk";
    /** The score 0-100, an input of the eligibility decision table. */
    static final String RETURN_RISK_SCORE = "returnRiskScore";
    /** The score's strongest signals in words, one a line, for the review form. */
    static final String RETURN_RISK_SIGNALS = "returnRiskSignals";

    private final ReturnRiskService risk;

    ScoreReturnRiskHandler(ReturnRiskService risk) {
        this.risk = risk;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public StepResult handle(StepContext context) {
        ReturnDetails.Risk score = risk.score(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed(Map.of(RETURN_RISK_SCORE, score.score(),
                RETURN_RISK_SIGNALS, score.signals().isEmpty() ? "No risk signal" : String.join("\n", score.signals())));
    }
}
