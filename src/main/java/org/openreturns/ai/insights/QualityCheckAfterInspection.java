package org.openreturns.ai.insights;

import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.ReturnStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checks the product quality signals after each return is inspected, once the inspection has committed: the
 * returns it adds to a product's week may be the ones that make a trend significant. A failed check does not undo
 * the inspection; the next inspection checks again.
 */
@Component
class QualityCheckAfterInspection {

    private static final Logger log = LoggerFactory.getLogger(QualityCheckAfterInspection.class);

    private final ProductQualityService quality;

    QualityCheckAfterInspection(ProductQualityService quality) {
        this.quality = quality;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ReturnStatusChanged change) {
        if (change.to() != ReturnStatus.INSPECTED) {
            return;
        }
        try {
            quality.checkLastWeek();
        } catch (RuntimeException e) {
            log.error("The product quality check after the inspection of {} failed; the next inspection checks again",
                    change.rmaNumber(), e);
        }
    }
}
