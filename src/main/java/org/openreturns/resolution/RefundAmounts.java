package org.openreturns.resolution;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.ReturnLineView;

/** The money of a line's refund decision, computed the way the refund is held: per unit that came back. */
final class RefundAmounts {

    private RefundAmounts() {
    }

    /** Unit price x the units refunded: those returned, or fewer when fewer arrived. */
    static long gross(ReturnLineView line) {
        int units = Math.min(line.quantity(), line.receivedQuantity() == null ? line.quantity() : line.receivedQuantity());
        return line.unitPriceMinor() * units;
    }

    /** What is kept of a PARTIAL refund: the share of the gross, rounded half-even to the minor unit. */
    static long deduction(ReturnLineView line, Integer percent) {
        if (percent == null || percent == 0) {
            return 0;
        }
        return BigDecimal.valueOf(gross(line)).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** What the customer is paid. */
    static long amount(ReturnLineView line, RefundDecision refundDecision, Integer deductionPercent) {
        return switch (refundDecision) {
            case FULL -> gross(line);
            case PARTIAL -> gross(line) - deduction(line, deductionPercent);
            case NONE, REPLACEMENT -> 0;
        };
    }
}
