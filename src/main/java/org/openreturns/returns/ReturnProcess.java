package org.openreturns.returns;

/**
 * The names that bind the code to {@code bpmn/return-process.bpmn}: process id, task types, message names and
 * variables. The model is the source; a test checks that every task type there has a handler.
 */
public final class ReturnProcess {

    public static final String PROCESS_ID = "return-process";

    public static final String TASK_AUTHORIZE = "authorize-return";
    public static final String TASK_RECEIVE_PARCEL = "receive-parcel";
    public static final String TASK_RECORD_INSPECTION = "record-inspection";
    public static final String TASK_RESOLVE = "resolve-return";

    /** Correlated on {@link #RMA_NUMBER}. */
    public static final String MESSAGE_PARCEL_RECEIVED = "ParcelReceived";

    public static final String ERROR_INSPECTION_INVALID = "INSPECTION_INVALID";

    public static final String RETURN_ID = "returnId";
    public static final String RMA_NUMBER = "rmaNumber";
    public static final String RECEIPT_ID = "receiptId";
    /** Set by the engine to the user who completed the inspection task. */
    public static final String INSPECTED_BY = "inspectedBy";
    /** Why the last inspection was sent back to the inspector; empty when it was accepted. */
    public static final String INSPECTION_PROBLEM = "inspectionProblem";
    /** The result of the {@code disposition} decision. */
    public static final String DISPOSITION = "disposition";

    private ReturnProcess() {
    }
}
