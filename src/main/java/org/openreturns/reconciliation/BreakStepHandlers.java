package org.openreturns.reconciliation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.system.FieldProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the reconciliation processes: thin handlers that call the reconciliation services. */
@Configuration(proxyBeanMethods = false)
class BreakStepHandlers {

    @Bean
    StepHandler runReconciliation(ReconciliationService reconciliation) {
        return handler(BreakProcess.TASK_RUN_RECONCILIATION, context -> {
            reconciliation.run("scheduled reconciliation");
            return StepResult.completed();
        });
    }

    /** A resolution that cannot work goes back to the investigator with the problem named. */
    @Bean
    StepHandler reviewBreakResolution(BreakResolution resolution) {
        return handler(BreakProcess.TASK_REVIEW_RESOLUTION, context -> {
            List<FieldProblem> problems = resolution.review(breakId(context),
                    context.optionalString(BreakProcess.RESOLUTION).orElse(null),
                    context.optionalString(BreakProcess.COMMENT).orElse(null));
            return problems.isEmpty() ? StepResult.completed(Map.of(BreakProcess.RESOLUTION_PROBLEM, ""))
                    : sentBack(BreakProcess.ERROR_RESOLUTION_INVALID, BreakProcess.RESOLUTION_PROBLEM, problems);
        });
    }

    @Bean
    StepHandler acceptBreak(BreakResolution resolution) {
        return handler(BreakProcess.TASK_ACCEPT, context -> {
            resolution.accept(breakId(context), context.string(BreakProcess.INVESTIGATED_BY),
                    context.string(BreakProcess.COMMENT));
            return StepResult.completed();
        });
    }

    /** Four eyes: an adjustment approved by its own investigator goes back to the approvers. */
    @Bean
    StepHandler postBreakAdjustment(BreakResolution resolution) {
        return handler(BreakProcess.TASK_POST_ADJUSTMENT, context -> {
            List<FieldProblem> problems = resolution.adjust(breakId(context),
                    context.string(BreakProcess.INVESTIGATED_BY), context.string(BreakProcess.APPROVED_BY),
                    context.string(BreakProcess.COMMENT));
            return problems.isEmpty() ? StepResult.completed(Map.of(BreakProcess.APPROVAL_PROBLEM, ""))
                    : sentBack(BreakProcess.ERROR_FOUR_EYES, BreakProcess.APPROVAL_PROBLEM, problems);
        });
    }

    private static long breakId(StepContext context) {
        return Long.parseLong(context.string(BreakProcess.BREAK_ID));
    }

    private static StepResult sentBack(String errorCode, String problemVariable, List<FieldProblem> problems) {
        String problem = problems.stream().map(p -> p.field() + " " + p.problem()).collect(Collectors.joining("; "));
        return StepResult.businessError(errorCode, problem, Map.of(problemVariable, problem));
    }

    private static StepHandler handler(String taskType, java.util.function.Function<StepContext, StepResult> step) {
        return new StepHandler() {
            @Override
            public String taskType() {
                return taskType;
            }

            @Override
            public StepResult handle(StepContext context) {
                return step.apply(context);
            }
        };
    }
}
