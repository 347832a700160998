package org.openreturns.returns;

import java.util.HashMap;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/**
 * Applies the eligibility table's result for each line to the return; a manual review also gets what its form shows
 * and its SLA.
 */
@Component
class ApplyEligibilityHandler implements StepHandler {

    private final EligibilityService eligibility;
    private final LifecyclePolicy policy;

    ApplyEligibilityHandler(EligibilityService eligibility, LifecyclePolicy policy) {
        this.eligibility = eligibility;
        this.policy = policy;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_APPLY_ELIGIBILITY;
    }

    @Override
    public StepResult handle(StepContext context) {
        EligibilityService.Outcome outcome = eligibility.apply(context.uuid(ReturnProcess.RETURN_ID),
                context.records(ReturnProcess.ELIGIBILITY_INPUTS), context.records(ReturnProcess.ELIGIBILITY_RESULTS));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnProcess.ELIGIBILITY, outcome.eligibility().name());
        variables.put(ReturnProcess.ELIGIBILITY_REASON, outcome.reason());
        if (outcome.eligibility() == Eligibility.MANUAL_REVIEW) {
            variables.put(ReturnProcess.REVIEW_SLA, policy.reviewSla().toString());
            variables.put(ReturnProcess.ORDER_SUMMARY, outcome.orderSummary());
            variables.put(ReturnProcess.CUSTOMER_MESSAGE, outcome.customerMessage());
            variables.put(ReturnProcess.RETURN_HISTORY, outcome.returnHistory());
        }
        return StepResult.completed(variables);
    }
}
