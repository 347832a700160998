package org.openreturns.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openreturns.catalog.Product;
import org.openreturns.quality.LineInspection;
import org.openreturns.returns.Grade;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnLineView;

/** When a return needs a second person's approval, with DOMAIN.md's defaults: 500 per unit, 1000 in all. */
class ApprovalRulesTest {

    private static final LifecyclePolicy POLICY = new LifecyclePolicy(Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofHours(72), Period.ofDays(30), new BigDecimal("500"), new BigDecimal("1000"), 20);
    private static final LineInspection PASSED = new LineInspection(1, Grade.A, true, null, true, "quality1", List.of());

    @Test
    void anOrdinaryLineThatPassedInspectionNeedsNoApproval() {
        assertThat(ApprovalRules.lineReasons(line(49_999), PASSED, product(false, null), "EUR", POLICY)).isEmpty();
    }

    @Test
    void aUnitPricedAtTheHighValueThresholdNeedsApproval() {
        assertThat(ApprovalRules.lineReasons(line(50_000), PASSED, product(false, null), "EUR", POLICY))
                .containsExactly("line 1 is a high-value item");
    }

    @Test
    void theThresholdIsInTheMinorUnitsOfTheOrdersCurrency() {
        assertThat(ApprovalRules.lineReasons(line(499), PASSED, product(false, null), "JPY", POLICY)).isEmpty();
        assertThat(ApprovalRules.lineReasons(line(500), PASSED, product(false, null), "JPY", POLICY))
                .containsExactly("line 1 is a high-value item");
    }

    @Test
    void aProductsOwnThresholdReplacesThePolicys() {
        assertThat(ApprovalRules.lineReasons(line(10_000), PASSED, product(false, 10_000L), "EUR", POLICY))
                .containsExactly("line 1 is a high-value item");
        assertThat(ApprovalRules.lineReasons(line(60_000), PASSED, product(false, 100_000L), "EUR", POLICY))
                .isEmpty();
    }

    @Test
    void aSerializedItemNeedsApprovalWhateverItsPrice() {
        assertThat(ApprovalRules.lineReasons(line(1_000), PASSED, product(true, null), "EUR", POLICY))
                .containsExactly("line 1 is a serialized item");
    }

    @Test
    void anSkuOrSerialThatIsNotWhatWasSoldNeedsApproval() {
        LineInspection wrongItem = new LineInspection(1, Grade.B, false, false, true, "quality1", List.of());

        assertThat(ApprovalRules.lineReasons(line(1_000), wrongItem, product(false, null), "EUR", POLICY))
                .containsExactly("line 1: the SKU returned is not the SKU sold",
                        "line 1: the serial returned is not the serial sold");
    }

    @Test
    void refundsAboveTheLimitNeedApprovalButNotAtIt() {
        assertThat(ApprovalRules.refundReason(100_000, "EUR", POLICY)).isEmpty();
        assertThat(ApprovalRules.refundReason(100_001, "EUR", POLICY))
                .hasValue("refund of 1000.01 EUR is above the limit of 1000 EUR");
    }

    private static ReturnLineView line(long unitPriceMinor) {
        return new ReturnLineView(1, "SKU-1", 1, "CHANGED_MIND", "UNOPENED", List.of(), unitPriceMinor, "SKU-1", null,
                1, Grade.A, null, null, null, null, null, null);
    }

    private static Product product(boolean serialized, Long highValueThresholdMinor) {
        return new Product("SKU-1", "Test product", "apparel", null, "EUR", 1_000, 2_000, serialized, false,
                highValueThresholdMinor, null);
    }
}
