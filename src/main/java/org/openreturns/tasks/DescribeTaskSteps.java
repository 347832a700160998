package org.openreturns.tasks;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.receiving.UnexpectedParcelProcess;
import org.openreturns.returns.ReturnProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps that run as a user task of the return or unexpected-parcel process starts (its {@code start} execution listener in the
 * model) and put what the task shows into process variables. They only read, so running one again is harmless.
 */
@Configuration(proxyBeanMethods = false)
class DescribeTaskSteps {

    static final String DESCRIBE_REVIEW = "describe-review-task";
    static final String DESCRIBE_INSPECTION = "describe-inspection-task";
    static final String DESCRIBE_APPROVAL = "describe-approval-task";
    static final String DESCRIBE_DISPUTE = "describe-dispute-task";

    @Bean
    StepHandler describeReviewTask(ReturnTaskDescriptions descriptions) {
        return step(DESCRIBE_REVIEW, context -> descriptions.review(returnId(context)));
    }

    @Bean
    StepHandler describeInspectionTask(ReturnTaskDescriptions descriptions) {
        return step(DESCRIBE_INSPECTION, context -> descriptions.inspection(returnId(context),
                (int) context.longValue(ReturnProcess.LINE_NO),
                OffsetDateTime.parse(context.string(ReturnProcess.INSPECTION_DUE_AT)).toInstant(),
                context.optionalString(TaskVariables.RECEIVED_SERIAL).filter(serial -> !serial.isBlank()).isPresent()));
    }

    @Bean
    StepHandler describeApprovalTask(ReturnTaskDescriptions descriptions) {
        return step(DESCRIBE_APPROVAL, context -> descriptions.approval(returnId(context)));
    }

    @Bean
    StepHandler describeDisputeTask(ReturnTaskDescriptions descriptions) {
        return step(DESCRIBE_DISPUTE, context -> descriptions.dispute(returnId(context)));
    }

    @Bean
    StepHandler describeUnexpectedParcelTask(ParcelTaskDescriptions descriptions) {
        return step(UnexpectedParcelProcess.TASK_DESCRIBE, context -> descriptions.unexpectedParcel(
                context.longValue(UnexpectedParcelProcess.RECEIPT_ID),
                context.optionalString(UnexpectedParcelProcess.SENDER_EMAIL).orElse(null)));
    }

    private static UUID returnId(StepContext context) {
        return context.uuid(ReturnProcess.RETURN_ID);
    }

    static StepHandler step(String taskType, Function<StepContext, Map<String, Object>> describe) {
        return new StepHandler() {
            @Override
            public String taskType() {
                return taskType;
            }

            @Override
            public StepResult handle(StepContext context) {
                return StepResult.completed(describe.apply(context));
            }
        };
    }
}
