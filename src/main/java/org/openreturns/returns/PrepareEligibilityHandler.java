package org.openreturns.returns;

import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Puts the eligibility table's inputs for each line where the model's business rule task reads them. */
@Component
class PrepareEligibilityHandler implements StepHandler {

    private final EligibilityService eligibility;

    PrepareEligibilityHandler(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_PREPARE_ELIGIBILITY;
    }

    @Override
    public StepResult handle(StepContext context) {
        return StepResult.completed(Map.of(ReturnProcess.ELIGIBILITY_INPUTS,
                eligibility.decisionInputs(context.uuid(ReturnProcess.RETURN_ID))));
    }
}
