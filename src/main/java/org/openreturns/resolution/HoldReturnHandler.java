package org.openreturns.resolution;

import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Puts the return on hold and prepares the dispute form. */
@Component
class HoldReturnHandler implements StepHandler {

    private final Disputes disputes;
    private final LifecyclePolicy policy;

    HoldReturnHandler(Disputes disputes, LifecyclePolicy policy) {
        this.disputes = disputes;
        this.policy = policy;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_HOLD;
    }

    @Override
    public StepResult handle(StepContext context) {
        String summary = disputes.hold(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed(Map.of(ReturnProcess.DISPUTE_SUMMARY, summary, ReturnProcess.DISPUTE_PROBLEM, "",
                ReturnProcess.REFUND_SLA, policy.refundSla().toString()));
    }
}
