package org.openreturns.quality;

import java.util.Arrays;
import java.util.HashMap;
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
 * Records the inspector's findings for the current line. Findings that contradict what was sold go back to the
 * inspector with the problem named (business error {@code INSPECTION_INVALID}), not to an incident. When lines are
 * left, the next one is set up and the form's answers cleared, so its form does not show the previous line's.
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
                evidence(context.optionalString("evidence").orElse("")),
                context.string(ReturnProcess.INSPECTED_BY));
        UUID returnId = context.uuid(ReturnProcess.RETURN_ID);
        int lineNo = (int) context.longValue(ReturnProcess.LINE_NO);
        InspectionService.Recorded recorded = inspections.record(returnId, lineNo, findings);
        if (!recorded.accepted()) {
            String problem = FieldProblem.describe(recorded.problems());
            returns.note(returnId, findings.inspectedBy(), "INSPECTION_RETURNED",
                    "Inspection of line " + lineNo + " sent back to the inspector: " + problem);
            return StepResult.businessError(ReturnProcess.ERROR_INSPECTION_INVALID, problem,
                    Map.of(ReturnProcess.INSPECTION_PROBLEM, problem));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnProcess.INSPECTION_PROBLEM, "");
        variables.put(ReturnProcess.ALL_LINES_INSPECTED, recorded.nextLine().isEmpty());
        recorded.nextLine().ifPresent(next -> {
            variables.put(ReturnProcess.LINE_NO, next);
            variables.put(ReturnProcess.LINE_SUMMARY, inspections.lineSummary(returnId, next));
            ReturnProcess.INSPECTION_FIELDS.forEach(field -> variables.put(field, null));
        });
        return StepResult.completed(variables);
    }

    /** The form's evidence field holds one reference per line. */
    static List<String> evidence(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(reference -> !reference.isEmpty()).toList();
    }
}
