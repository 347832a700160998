package org.openreturns.reconciliation;

import java.util.List;
import java.util.Map;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepResult;
import org.openreturns.system.FieldProblem;

/** The names that bind the code to {@code bpmn/reconciliation-break.bpmn} and {@code reconciliation-schedule.bpmn}. */
final class BreakProcess {

    static final String TASK_RUN_RECONCILIATION = "run-reconciliation";
    static final String TASK_REVIEW_RESOLUTION = "review-break-resolution";
    static final String TASK_ACCEPT = "accept-break";
    static final String TASK_POST_ADJUSTMENT = "post-break-adjustment";

    static final String ERROR_RESOLUTION_INVALID = "RESOLUTION_INVALID";
    static final String ERROR_FOUR_EYES = "FOUR_EYES";

    static final String BREAK_ID = "breakId";
    static final String RESOLUTION = "resolution";
    static final String COMMENT = "comment";
    static final String INVESTIGATED_BY = "investigatedBy";
    static final String APPROVED_BY = "approvedBy";
    static final String RESOLUTION_PROBLEM = "resolutionProblem";
    static final String APPROVAL_PROBLEM = "approvalProblem";

    private BreakProcess() {
    }

    static long breakId(StepContext context) {
        return Long.parseLong(context.string(BREAK_ID));
    }

    /** The business error that sends the work back to a person, with the problems for their form to show. */
    static StepResult sentBack(String errorCode, String problemVariable, List<FieldProblem> problems) {
        String problem = FieldProblem.describe(problems);
        return StepResult.businessError(errorCode, problem, Map.of(problemVariable, problem));
    }
}
