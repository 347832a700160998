package org.openreturns.returns;

import java.util.List;

import org.openreturns.catalog.LocationType;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.RefundDecision;

/**
 * A return line as the API and the steps see it.
 *
 * @param sku          the SKU sold on the order line
 * @param soldSerials  the serial numbers shipped on the order line (empty for non-serialized items)
 * @param receivedSku  what the warehouse scanned for this line, once the parcel arrived
 * @param eligibility  what the eligibility decision said about the line
 * @param refundDecision what the disposition decision (or a dispute resolution) decided for the money
 * @param locationType where the returned units are now; null before they arrive
 */
public record ReturnLineView(int lineNo, String sku, int quantity, String reasonCode, String declaredCondition,
                             List<String> soldSerials, long unitPriceMinor, String receivedSku, String receivedSerial,
                             Integer receivedQuantity, Grade grade, Disposition disposition,
                             Eligibility eligibility, RefundDecision refundDecision, DeductionType deductionType,
                             Integer deductionPercent, LocationType locationType) {

    public boolean serialized() {
        return !soldSerials.isEmpty();
    }
}
