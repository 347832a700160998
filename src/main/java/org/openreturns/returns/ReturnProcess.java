package org.openreturns.returns;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepResult;

/**
 * The names that bind the code to {@code bpmn/return-process.bpmn}: process id, task types, message names, error
 * codes and variables. The model is the source; a test checks that every task type there has a handler.
 */
public final class ReturnProcess {

    public static final String PROCESS_ID = "return-process";

    /** Suggests each line's reason code from the customer's message (docs/ai.md). */
    public static final String TASK_CLASSIFY_REASON = "classify-return-reason";
    /** The review's completion check: a review that had to choose a reason must choose one of the codes. */
    public static final String CHECK_REVIEWED_REASON = "check-reviewed-reason";
    /** Eligibility: the inputs per line, the business rule task CheckEligibility, the results applied. */
    public static final String TASK_PREPARE_ELIGIBILITY = "prepare-eligibility";
    public static final String TASK_APPLY_ELIGIBILITY = "apply-eligibility";
    public static final String TASK_REJECT = "reject-return";
    public static final String TASK_AUTHORIZE = "authorize-return";
    public static final String TASK_EXPIRE = "expire-return";
    public static final String TASK_RECEIVE_PARCEL = "receive-parcel";
    public static final String TASK_RECORD_INSPECTION = "record-inspection";
    /** Disposition and refund: the inputs per line, the business rule task DecideResolution, the results applied. */
    public static final String TASK_PREPARE_DISPOSITION = "prepare-disposition";
    public static final String TASK_APPLY_DISPOSITION = "apply-disposition";
    public static final String TASK_RECORD_APPROVAL = "record-approval";
    public static final String TASK_HOLD = "hold-return";
    public static final String TASK_RECORD_DISPUTE_RESOLUTION = "record-dispute-resolution";
    /** The resolution, one step per capability, in the order of the model. */
    public static final String TASK_MOVE_RETURNED_STOCK = "move-returned-stock";
    public static final String TASK_RELEASE_REFUNDS = "release-refunds";
    public static final String TASK_CREATE_REPLACEMENT_ORDERS = "create-replacement-orders";
    public static final String TASK_OPEN_SUPPLIER_CLAIMS = "open-supplier-claims";
    public static final String TASK_QUEUE_REFURBISHMENT = "queue-refurbishment";
    public static final String TASK_CLOSE = "close-return";
    public static final String TASK_ESCALATE_OVERDUE = "escalate-overdue-return";
    /** Records on the timeline how a person resolved a conflict that stopped a step, before the step runs again. */
    public static final String TASK_RECORD_CONFLICT_RESOLUTION = "record-conflict-resolution";
    /** The user task listener that keeps the approver from being the inspector (four eyes). */
    public static final String CHECK_FOUR_EYES = "check-four-eyes";

    /** Correlated on {@link #RMA_NUMBER}; carries {@link #RECEIPT_ID}. */
    public static final String MESSAGE_PARCEL_RECEIVED = "ParcelReceived";
    /** Correlated on {@link #RMA_NUMBER}; carries {@link #CARRIER_EVENT_TYPE}. */
    public static final String MESSAGE_CARRIER_EVENT = "CarrierEvent";

    public static final String ERROR_INSPECTION_INVALID = "INSPECTION_INVALID";
    public static final String ERROR_DISPUTE_RESOLUTION_INVALID = "DISPUTE_RESOLUTION_INVALID";
    /** The stock ledger refuses the parcel's units (a serial it places elsewhere): inventory control corrects it. */
    public static final String ERROR_RECEIPT_CONFLICT = "RECEIPT_CONFLICT";
    /** The returned units are no longer where the ledger should take them from: inventory control corrects it. */
    public static final String ERROR_STOCK_CONFLICT = "STOCK_CONFLICT";
    /** The payment gateway declined a refund: finance sorts it out with the customer and releases it again. */
    public static final String ERROR_REFUND_DECLINED = "REFUND_DECLINED";

    public static final String RETURN_ID = "returnId";
    /** Whether the customer wrote a message: only then is the reason classified. */
    public static final String CUSTOMER_MESSAGE_GIVEN = "customerMessageGiven";
    /** True when a line waits for support to choose its reason in the review. */
    public static final String REASON_REVIEW_NEEDED = "reasonReviewNeeded";
    /** The review form's reason choices ([{label, value}], the suggestions first) and what it says of them. */
    public static final String REASON_CHOICES = "reasonChoices";
    public static final String REASON_SUGGESTIONS = "reasonSuggestions";
    /**
     * Submitted with the review form: the reason support chose, which authorizing or rejecting the return makes the
     * code of the lines that waited for it.
     */
    public static final String REVIEWED_REASON_CODE = "reviewedReasonCode";
    public static final String RMA_NUMBER = "rmaNumber";

    /** The eligibility table's inputs per line, and its results collected per line in the same order. */
    public static final String ELIGIBILITY_INPUTS = "eligibilityInputs";
    public static final String ELIGIBILITY_RESULTS = "eligibilityResults";
    /** AUTO_APPROVE, MANUAL_REVIEW or REJECT: the eligibility of the whole return. */
    public static final String ELIGIBILITY = "eligibility";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    /** ISO-8601 durations and date-times of the timers, set from the configuration so the model never changes. */
    public static final String REVIEW_SLA = "reviewSla";
    public static final String PARCEL_EXPIRY = "parcelExpiry";
    public static final String INSPECTION_DUE_AT = "inspectionDueAt";
    public static final String REFUND_SLA = "refundSla";

    /** Shown in the manual-review form. */
    public static final String ORDER_SUMMARY = "orderSummary";
    public static final String CUSTOMER_MESSAGE = "customerMessage";
    public static final String RETURN_HISTORY = "returnHistory";
    /** Submitted with the manual-review and approval forms. */
    public static final String APPROVED = "approved";
    public static final String DECISION_REASON = "decisionReason";
    /** Set by the engine to the user who completed the manual review. */
    public static final String REVIEWED_BY = "reviewedBy";

    public static final String RECEIPT_ID = "receiptId";
    public static final String CARRIER_EVENT_TYPE = "carrierEventType";

    /** The return line the open inspection is about, and what the form shows of it. */
    public static final String LINE_NO = "lineNo";
    public static final String LINE_SUMMARY = "lineSummary";
    public static final String ALL_LINES_INSPECTED = "allLinesInspected";
    /** Set by the engine to the user who completed the inspection task. */
    public static final String INSPECTED_BY = "inspectedBy";
    /** Why the last inspection was sent back to the inspector; empty when it was accepted. */
    public static final String INSPECTION_PROBLEM = "inspectionProblem";
    /** The inspection form's fields, cleared before the next line so its form starts empty. */
    public static final java.util.List<String> INSPECTION_FIELDS = java.util.List.of("grade", "skuMatches",
            "serialMatches", "packagingOk", "functional", "reasonConfirmed", "receivedSerial", "notes", "evidence");

    /** The disposition table's inputs per inspected line, and its results collected per line in the same order. */
    public static final String DISPOSITION_INPUTS = "dispositionInputs";
    public static final String DISPOSITION_RESULTS = "dispositionResults";
    /** Where the return goes after its decisions: RESOLVE, APPROVAL or DISPUTE. */
    public static final String RESOLUTION_ROUTE = "resolutionRoute";
    public static final String APPROVAL_SUMMARY = "approvalSummary";
    public static final String COMMENT = "comment";
    /** Set by the engine to the user who completed the approval. */
    public static final String APPROVED_BY = "approvedBy";
    public static final String APPROVAL_GRANTED = "approvalGranted";

    public static final String DISPUTE_SUMMARY = "disputeSummary";
    public static final String DISPUTE_PROBLEM = "disputeProblem";
    /** Submitted with the dispute-resolution form. */
    public static final String DISPOSITION = "disposition";
    public static final String REFUND_DECISION = "refundDecision";
    public static final String DEDUCTION_PERCENT = "deductionPercent";
    /** Set by the engine to the user who resolved the dispute. */
    public static final String DISPUTE_RESOLVED_BY = "disputeResolvedBy";

    /** What stopped a step, shown on the conflict task's form; cleared once the step ran again. */
    public static final String CONFLICT_PROBLEM = "conflictProblem";
    /** Submitted with the conflict form: what the person did about it. */
    public static final String CONFLICT_RESOLUTION = "conflictResolution";
    /** Set by the engine to the user who completed the conflict task. */
    public static final String CONFLICT_RESOLVED_BY = "conflictResolvedBy";
    /** The task's title variable (the models' titleVariable). */
    public static final String TASK_TITLE = "taskTitle";

    private ReturnProcess() {
    }

    /**
     * In whose name the resolution's steps act: the person who approved the return, or the system when the return
     * needed no approval (within policy).
     */
    public static String resolvingActor(StepContext context) {
        return context.optionalBoolean(APPROVAL_GRANTED).orElse(false) ? context.string(APPROVED_BY)
                : ReturnService.SYSTEM_ACTOR;
    }

    /**
     * A conflict in the data of a step, as the business error the model catches: the problem goes on the conflict
     * task's form, and its title names the conflict and the return.
     */
    public static StepResult conflict(StepContext context, String errorCode, String what, String problem) {
        String title = what + context.optionalString(RMA_NUMBER).map(rma -> " · " + rma).orElse("");
        return StepResult.businessError(errorCode, problem, java.util.Map.of(CONFLICT_PROBLEM, problem,
                TASK_TITLE, title));
    }
}
