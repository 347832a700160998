package org.openreturns.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.ReturnLineView;

/** What a line's refund decision pays, computed per unit that came back. */
class RefundAmountsTest {

    @Test
    void aFullRefundPaysThePriceOfEveryUnitReturned() {
        assertThat(RefundAmounts.amount(line(3, 3, 1990), RefundDecision.FULL, null)).isEqualTo(5970);
    }

    @Test
    void onlyTheUnitsThatArrivedAreRefunded() {
        assertThat(RefundAmounts.amount(line(3, 2, 1990), RefundDecision.FULL, null)).isEqualTo(3980);
    }

    @Test
    void moreUnitsArrivingThanWereReturnedAreNotPaidFor() {
        assertThat(RefundAmounts.gross(line(2, 5, 1000))).isEqualTo(2000);
    }

    @Test
    void beforeTheParcelIsCountedTheReturnedQuantityIsRefunded() {
        assertThat(RefundAmounts.gross(line(2, null, 1000))).isEqualTo(2000);
    }

    @Test
    void aPartialRefundKeepsItsShareOfThePrice() {
        assertThat(RefundAmounts.deduction(line(1, 1, 5990), 10)).isEqualTo(599);
        assertThat(RefundAmounts.amount(line(1, 1, 5990), RefundDecision.PARTIAL, 10)).isEqualTo(5391);
    }

    @Test
    void theDeductionIsRoundedHalfToEvenToTheMinorUnit() {
        assertThat(RefundAmounts.deduction(line(1, 1, 250), 1)).isEqualTo(2);
        assertThat(RefundAmounts.deduction(line(1, 1, 350), 1)).isEqualTo(4);
        assertThat(RefundAmounts.deduction(line(1, 1, 351), 1)).isEqualTo(4);
    }

    @Test
    void aPartialRefundWithoutADeductionPaysInFull() {
        assertThat(RefundAmounts.amount(line(1, 1, 5990), RefundDecision.PARTIAL, null)).isEqualTo(5990);
        assertThat(RefundAmounts.amount(line(1, 1, 5990), RefundDecision.PARTIAL, 0)).isEqualTo(5990);
    }

    @Test
    void noRefundAndAReplacementPayNoMoney() {
        assertThat(RefundAmounts.amount(line(1, 1, 5990), RefundDecision.NONE, null)).isZero();
        assertThat(RefundAmounts.amount(line(1, 1, 5990), RefundDecision.REPLACEMENT, null)).isZero();
    }

    private static ReturnLineView line(int quantity, Integer received, long unitPriceMinor) {
        return new ReturnLineView(1, "TSHIRT-BLK-M", quantity, "CHANGED_MIND", "UNOPENED", List.of(), unitPriceMinor,
                "TSHIRT-BLK-M", null, received, null, null, null, null, null, null, null);
    }
}
