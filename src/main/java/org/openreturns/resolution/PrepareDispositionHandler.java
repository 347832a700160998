package org.openreturns.resolution;

import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Puts the disposition table's inputs for each inspected line where the model's business rule task reads them. */
@Component
class PrepareDispositionHandler implements StepHandler {

    private final ResolutionPlanner planner;

    PrepareDispositionHandler(ResolutionPlanner planner) {
        this.planner = planner;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_PREPARE_DISPOSITION;
    }

    @Override
    public StepResult handle(StepContext context) {
        return StepResult.completed(Map.of(ReturnProcess.DISPOSITION_INPUTS,
                planner.decisionInputs(context.uuid(ReturnProcess.RETURN_ID))));
    }
}
