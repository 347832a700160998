package org.openreturns.ai.insights;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.stereotype.Component;

/** Keeps the manager's conclusion with the product-quality alert they investigated. */
@Component
class RecordQualityInvestigationHandler implements StepHandler {

    private final ProductQualityService quality;

    RecordQualityInvestigationHandler(ProductQualityService quality) {
        this.quality = quality;
    }

    @Override
    public String taskType() {
        return ProductQualityProcess.TASK_RECORD_INVESTIGATION;
    }

    @Override
    public StepResult handle(StepContext context) {
        quality.recordInvestigation(context.longValue(ProductQualityProcess.ALERT_ID),
                context.string(ProductQualityProcess.CONCLUSION), context.string(ProductQualityProcess.INVESTIGATED_BY));
        return StepResult.completed();
    }
}
