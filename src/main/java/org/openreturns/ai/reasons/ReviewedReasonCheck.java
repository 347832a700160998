package org.openreturns.ai.reasons;

import java.util.Arrays;
import java.util.Optional;

import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionCheck;
import org.openreturns.returns.ReasonCode;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/**
 * A review that has to choose a reason (the classifier was too unsure) cannot be completed without one of the ten
 * codes, in Tasklist and through the API alike; the form hides the choice otherwise, so it cannot require it.
 */
@Component
class ReviewedReasonCheck implements TaskCompletionCheck {

    @Override
    public String type() {
        return ReturnProcess.CHECK_REVIEWED_REASON;
    }

    @Override
    public Optional<String> denial(TaskCompletion completion) {
        if (!Boolean.TRUE.equals(completion.variables().get(ReturnProcess.REASON_REVIEW_NEEDED))) {
            return Optional.empty();
        }
        Object chosen = completion.variables().get(ReturnProcess.REVIEWED_REASON_CODE);
        boolean known = chosen instanceof String code
                && Arrays.stream(ReasonCode.values()).anyMatch(c -> c.name().equals(code));
        return known ? Optional.empty() : Optional.of(ReturnProcess.REVIEWED_REASON_CODE
                + " is required: the customer's message does not make the reason clear, choose one of the offered"
                + " reasons");
    }
}
