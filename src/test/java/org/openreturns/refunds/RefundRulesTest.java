package org.openreturns.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openreturns.system.FieldProblem;

/** What a held refund must satisfy, and how its amounts read. */
class RefundRulesTest {

    private static final UUID RETURN_ID = UUID.randomUUID();

    @Test
    void aFullRefundDeductsNothing() {
        assertThat(RefundService.check(HoldRequest.full("k", RETURN_ID, 1), 5990)).isEmpty();
        assertThat(RefundService.check(new HoldRequest("k", RETURN_ID, 1, RefundDecision.FULL, 599,
                DeductionType.RESTOCKING_FEE, null), 5990)).extracting(FieldProblem::field)
                .containsExactly("deductionMinor", "deductionType");
    }

    @Test
    void aPartialRefundDeductsSomethingButNotEverything() {
        assertThat(RefundService.check(HoldRequest.restockingFee("k", RETURN_ID, 1, 599), 5990)).isEmpty();
        assertThat(RefundService.check(HoldRequest.restockingFee("k", RETURN_ID, 1, 5990), 5990))
                .containsExactly(new FieldProblem("deductionMinor",
                        "of a PARTIAL refund must be more than 0 and less than the gross of 5990"));
        assertThat(RefundService.check(new HoldRequest("k", RETURN_ID, 1, RefundDecision.PARTIAL, 100, null, null),
                5990)).extracting(FieldProblem::field).containsExactly("deductionType");
    }

    @Test
    void aRefundNeedsAKeyAndADecision() {
        assertThat(RefundService.check(new HoldRequest(" ", RETURN_ID, 1, null, 0, null, null), 5990))
                .extracting(FieldProblem::field).containsExactly("idempotencyKey", "decision");
    }

    @Test
    void amountsAreWrittenInTheCurrencysMajorUnit() {
        assertThat(RefundService.money(5391, "EUR")).isEqualTo("53.91 EUR");
        assertThat(RefundService.money(5391, "JPY")).isEqualTo("5391 JPY");
    }
}
