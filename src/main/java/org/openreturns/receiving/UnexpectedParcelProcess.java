package org.openreturns.receiving;

/** The names that bind the code to {@code bpmn/unexpected-parcel.bpmn}. */
public final class UnexpectedParcelProcess {

    public static final String PROCESS_ID = "unexpected-parcel";
    public static final String TASK_RESOLVE = "resolve-unexpected-parcel";
    /** Runs as the warehouse's task starts: its title, due date, priority and the returns the parcel may belong to. */
    public static final String TASK_DESCRIBE = "describe-unexpected-parcel-task";
    public static final String ERROR_LINK_INVALID = "PARCEL_LINK_INVALID";

    public static final String RECEIPT_ID = "receiptId";
    /** What arrived, for the warehouse's form. */
    public static final String PARCEL_SUMMARY = "parcelSummary";
    /**
     * When the parcel was scanned, an ISO-8601 instant in UTC to the second: the form's date-time field shows it in
     * the browser's time zone, to the minute.
     */
    public static final String RECEIVED_AT = "receivedAt";
    /** The sender's e-mail address from the parcel's label, when the scan had one: candidates by customer. */
    public static final String SENDER_EMAIL = "senderEmail";
    /** The returns that match what arrived, one per line, each starting with its RMA number and " · ". */
    public static final String CANDIDATE_RETURNS = "candidateReturns";
    /** Submitted with the form: LINK or QUARANTINE, the one answer that decides. */
    public static final String PARCEL_ACTION = "parcelAction";
    /** Submitted with the form to link: the RMA number chosen among the candidates, or one typed in. */
    public static final String RETURN_ID = "returnId";
    public static final String OTHER_RETURN = "otherReturn";
    public static final String NOTES = "notes";
    /** Set by the engine to the user who handled the parcel. */
    public static final String HANDLED_BY = "handledBy";
    /** Why the last answer could not be carried out; shown in the form. */
    public static final String LINK_PROBLEM = "linkProblem";

    private UnexpectedParcelProcess() {
    }

    /** One process per parcel. */
    public static String businessKey(long receiptId) {
        return "parcel-" + receiptId;
    }
}
