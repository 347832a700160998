package org.openreturns.resolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.openreturns.catalog.Product;
import org.openreturns.quality.LineInspection;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.system.Money;

/**
 * DOMAIN.md's conditions for a second person's approval of a return's disposition and refund: a high-value item,
 * a serialized item, an SKU or serial that is not what was sold, or a refund above the limit.
 */
final class ApprovalRules {

    private ApprovalRules() {
    }

    /** Why this line needs an approval; empty when it needs none. Amounts are in the order's currency. */
    static List<String> lineReasons(ReturnLineView line, LineInspection inspection, Product sold, String currency,
                                    LifecyclePolicy policy) {
        List<String> reasons = new ArrayList<>();
        long threshold = sold.highValueThresholdMinor() != null ? sold.highValueThresholdMinor()
                : Money.toMinorUnits(policy.highValueThreshold(), Currency.getInstance(currency));
        if (line.unitPriceMinor() >= threshold) {
            reasons.add("line " + line.lineNo() + " is a high-value item");
        }
        if (sold.serialized()) {
            reasons.add("line " + line.lineNo() + " is a serialized item");
        }
        if (!inspection.skuMatches()) {
            reasons.add("line " + line.lineNo() + ": the SKU returned is not the SKU sold");
        }
        if (Boolean.FALSE.equals(inspection.serialMatches())) {
            reasons.add("line " + line.lineNo() + ": the serial returned is not the serial sold");
        }
        return reasons;
    }

    /** Why the return's refunds need an approval: together they are above the limit. */
    static Optional<String> refundReason(long refundTotalMinor, String currency, LifecyclePolicy policy) {
        BigDecimal total = Money.fromMinorUnits(refundTotalMinor, currency);
        BigDecimal limit = policy.refundApprovalLimit();
        if (total.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of("refund of " + total + " " + currency + " is above the limit of " + limit + " " + currency);
    }
}
