package org.openreturns.ai.insights;

/** The names that bind the code to {@code bpmn/product-quality.bpmn}. */
final class ProductQualityProcess {

    static final String PROCESS_ID = "product-quality";
    static final String TASK_RECORD_INVESTIGATION = "record-quality-investigation";

    static final String ALERT_ID = "alertId";
    /** Shown in the form: what the alert is about, and the evidence. */
    static final String QUALITY_SCOPE = "qualityScope";
    static final String QUALITY_EVIDENCE = "qualityEvidence";
    static final String TASK_TITLE = "taskTitle";
    /** Submitted with the form. */
    static final String CONCLUSION = "conclusion";
    /** Set by the engine to the manager who completed the investigation. */
    static final String INVESTIGATED_BY = "investigatedBy";

    private ProductQualityProcess() {
    }

    static String businessKey(long alertId) {
        return "quality-alert-" + alertId;
    }
}
