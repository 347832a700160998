package org.openreturns.receiving;

import java.util.List;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Carries out the warehouse's answer for a parcel without a known RMA. An answer that cannot be carried out (an
 * unknown return, one not waiting for a parcel) goes back to the warehouse with the problem named.
 */
@Component
class ResolveUnexpectedParcelHandler implements StepHandler {

    private final UnexpectedParcels parcels;

    ResolveUnexpectedParcelHandler(UnexpectedParcels parcels) {
        this.parcels = parcels;
    }

    @Override
    public String taskType() {
        return UnexpectedParcelProcess.TASK_RESOLVE;
    }

    @Override
    public StepResult handle(StepContext context) {
        List<FieldProblem> problems = parcels.resolve(context.longValue(UnexpectedParcelProcess.RECEIPT_ID),
                context.optionalString(UnexpectedParcelProcess.PARCEL_ACTION).orElse(null),
                context.optionalString(UnexpectedParcelProcess.RETURN_ID).orElse(null),
                context.optionalString(UnexpectedParcelProcess.OTHER_RETURN).orElse(null),
                context.optionalString(UnexpectedParcelProcess.NOTES).orElse(null),
                context.string(UnexpectedParcelProcess.HANDLED_BY));
        if (!problems.isEmpty()) {
            String problem = FieldProblem.describe(problems);
            return StepResult.businessError(UnexpectedParcelProcess.ERROR_LINK_INVALID, problem,
                    Map.of(UnexpectedParcelProcess.LINK_PROBLEM, problem));
        }
        return StepResult.completed(Map.of(UnexpectedParcelProcess.LINK_PROBLEM, ""));
    }
}
