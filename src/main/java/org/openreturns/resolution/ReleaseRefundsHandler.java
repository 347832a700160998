package org.openreturns.resolution;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/**
 * Releases the validated return's refunds with their credit notes; the return is then RESOLVED. A refund the payment
 * gateway declines goes to finance with the gateway's reason (business error {@code REFUND_DECLINED}); a gateway
 * that does not answer is an outage: the step fails, is retried and ends in an incident.
 */
@Component
class ReleaseRefundsHandler implements StepHandler {

    private final Resolutions resolutions;

    ReleaseRefundsHandler(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RELEASE_REFUNDS;
    }

    @Override
    public StepResult handle(StepContext context) {
        return resolutions.releaseRefunds(context.uuid(ReturnProcess.RETURN_ID), ReturnProcess.resolvingActor(context))
                .map(problem -> ReturnProcess.conflict(context, ReturnProcess.ERROR_REFUND_DECLINED, "Refund declined",
                        problem))
                .orElseGet(StepResult::completed);
    }
}
