package org.openreturns.refurbishment;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Queues the refurbishment jobs of a resolved return. */
@Component
class QueueRefurbishmentHandler implements StepHandler {

    private final RefurbishmentQueue refurbishment;

    QueueRefurbishmentHandler(RefurbishmentQueue refurbishment) {
        this.refurbishment = refurbishment;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_QUEUE_REFURBISHMENT;
    }

    @Override
    public StepResult handle(StepContext context) {
        refurbishment.enqueueForReturn(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed();
    }
}
