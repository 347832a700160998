package org.openreturns.resolution;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Applies the disposition table's result for each inspected line and routes the return: resolve, approval, or dispute. */
@Component
class ApplyDispositionHandler implements StepHandler {

    private final ResolutionPlanner planner;
    private final ApprovalSummaries summaries;
    private final LifecyclePolicy policy;

    ApplyDispositionHandler(ResolutionPlanner planner, ApprovalSummaries summaries, LifecyclePolicy policy) {
        this.planner = planner;
        this.summaries = summaries;
        this.policy = policy;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_APPLY_DISPOSITION;
    }

    @Override
    public StepResult handle(StepContext context) {
        UUID returnId = context.uuid(ReturnProcess.RETURN_ID);
        ResolutionPlanner.Plan plan = planner.plan(returnId, context.records(ReturnProcess.DISPOSITION_INPUTS),
                context.records(ReturnProcess.DISPOSITION_RESULTS));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnProcess.RESOLUTION_ROUTE, plan.route().name());
        variables.put(ReturnProcess.REFUND_SLA, policy.refundSla().toString());
        if (plan.route() == ResolutionPlanner.Route.APPROVAL) {
            variables.put(ReturnProcess.APPROVAL_SUMMARY, summaries.of(returnId));
        }
        return StepResult.completed(variables);
    }
}
