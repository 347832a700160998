package org.openreturns.quality;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Records the inspector's findings. Findings that contradict what was sold go back to the inspector with the
 * problem named (business error {@code INSPECTION_INVALID}), not to an incident.
 */
@Component
class RecordInspectionHandler implements StepHandler {

    private final InspectionService inspections;
    private final ReturnService returns;

    RecordInspectionHandler(InspectionService inspections, ReturnService returns) {
        this.inspections = inspections;
        this.returns = returns;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_RECORD_INSPECTION;
    }

    @Override
    public StepResult handle(StepContext context) {
        InspectionFindings findings = new InspectionFindings(
                context.optionalString("grade").orElse(null),
                context.optionalBoolean("skuMatches").orElse(null),
                context.optionalBoolean("serialMatches").orElse(null),
                context.optionalBoolean("packagingOk").orElse(null),
                context.optionalBoolean("functional").orElse(null),
                context.optionalBoolean("reasonConfirmed").orElse(null),
                context.optionalString("receivedSerial").orElse(null),
                context.optionalString("notes").orElse(null),
                context.string(ReturnProcess.INSPECTED_BY));
        UUID returnId = context.uuid(ReturnProcess.RETURN_ID);
        List<FieldProblem> problems = inspections.record(returnId, findings);
        if (!problems.isEmpty()) {
            String problem = FieldProblem.describe(problems);
            returns.note(returnId, findings.inspectedBy(), "INSPECTION_RETURNED",
                    "Inspection sent back to the inspector: " + problem);
            return StepResult.businessError(ReturnProcess.ERROR_INSPECTION_INVALID, problem,
                    Map.of(ReturnProcess.INSPECTION_PROBLEM, problem));
        }
        return StepResult.completed(Map.of(ReturnProcess.INSPECTION_PROBLEM, ""));
    }
}
