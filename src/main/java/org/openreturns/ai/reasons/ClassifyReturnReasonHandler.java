package org.openreturns.ai.reasons;

import java.util.HashMap;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Suggests the reason of each line from the customer's message; an unclear one sends the return to the review. */
@Component
class ClassifyReturnReasonHandler implements StepHandler {

    private final ReturnReasonClassification classification;
    private final LifecyclePolicy policy;

    ClassifyReturnReasonHandler(ReturnReasonClassification classification, LifecyclePolicy policy) {
        this.classification = classification;
        this.policy = policy;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_CLASSIFY_REASON;
    }

    @Override
    public StepResult handle(StepContext context) {
        ReturnReasonClassification.Outcome outcome = classification.classify(context.uuid(ReturnProcess.RETURN_ID));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnProcess.REASON_REVIEW_NEEDED, outcome.reviewNeeded());
        variables.put(ReturnProcess.REASON_CHOICES, outcome.choices());
        variables.put(ReturnProcess.REASON_SUGGESTIONS, outcome.explanation());
        if (outcome.reviewNeeded()) {
            // The review may come from the reason alone, when eligibility approves: it needs its SLA and the message.
            variables.put(ReturnProcess.REVIEW_SLA, policy.reviewSla().toString());
            variables.put(ReturnProcess.CUSTOMER_MESSAGE, outcome.message());
        }
        return StepResult.completed(variables);
    }
}
