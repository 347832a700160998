package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreturns.process.operaton.DecisionTable.Line;
import org.openreturns.process.operaton.DecisionTable.Outcome;

/** The rules of {@code bpmn/disposition.dmn}, one inspected return line at a time, on Operaton's DMN engine. */
class DispositionDecisionTest {

    private static final DecisionTable TABLE = new DecisionTable("bpmn/disposition.dmn", "disposition");

    // --- what arrived is not what was sold -----------------------------------------------------------------------

    @Test
    void unitWithAnotherSerialIsHeldWithoutRefundWhateverItsGrade() {
        assertThat(evaluate(line().with("serialMatches", false)))
                .isEqualTo(outcome("Rule_SerialMismatch", "HOLD", "NONE", "", 0,
                        "The serial number does not match the unit sold"));
        assertThat(evaluate(line().with("serialMatches", false).with("skuMatches", false)
                .with("reasonCode", "WRONG_ITEM")).ruleId()).isEqualTo("Rule_SerialMismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "B"})
    void resalableWrongItemIsRestockedAndTheRightItemSent(String grade) {
        assertThat(evaluate(wrongItem().with("grade", grade)))
                .isEqualTo(outcome("Rule_WrongItemResalable", "RESTOCK", "REPLACEMENT", "", 0,
                        "Wrong item shipped: restocked, the right item is sent"));
    }

    @Test
    void wrongItemNeedingRefurbishmentIsRefurbishedAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "C")))
                .isEqualTo(outcome("Rule_WrongItemRefurbish", "REFURBISH", "REPLACEMENT", "", 0,
                        "Wrong item shipped: sent to refurbishment, the right item is sent"));
    }

    @Test
    void defectiveWrongItemGoesBackToTheSupplierAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "D")))
                .isEqualTo(outcome("Rule_WrongItemSupplierDefect", "VENDOR_RETURN", "REPLACEMENT", "", 0,
                        "Wrong item shipped and defective: returned to the supplier, the right item is sent"));
    }

    @Test
    void defectiveWrongItemWithoutASupplierIsScrappedAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "D").with("hasSupplier", false)))
                .isEqualTo(outcome("Rule_WrongItemDefectNoSupplier", "SCRAP", "REPLACEMENT", "", 0,
                        "Wrong item shipped and defective: scrapped, the right item is sent"));
    }

    @Test
    void destroyedWrongItemIsScrappedAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "E")))
                .isEqualTo(outcome("Rule_WrongItemDestroyed", "SCRAP", "REPLACEMENT", "", 0,
                        "Wrong item shipped and not worth saving: scrapped, the right item is sent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHANGED_MIND", "DEFECTIVE", ""})
    void unexpectedItemReturnedForAnotherReasonIsHeldWithoutRefund(String reasonCode) {
        assertThat(evaluate(line().with("skuMatches", false).with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_SkuMismatch", "HOLD", "NONE", "", 0,
                        "The item returned is not the item sold"));
    }

    // --- the customer's reason -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"DEFECTIVE", "DAMAGED_IN_TRANSIT", "NOT_AS_DESCRIBED", "MISSING_PARTS"})
    void faultThatInspectionDidNotFindIsHeldWithoutRefund(String reasonCode) {
        assertThat(evaluate(line().with("reasonCode", reasonCode).with("reasonConfirmed", false)))
                .isEqualTo(outcome("Rule_ReasonNotConfirmed", "HOLD", "NONE", "", 0,
                        "The reason given is not confirmed by inspection"));
    }

    @Test
    void customerReasonNeedsNoConfirmation() {
        assertThat(evaluate(line().with("reasonCode", "CHANGED_MIND").with("reasonConfirmed", false)).ruleId())
                .isEqualTo("Rule_LikeNew");
    }

    // --- by grade ------------------------------------------------------------------------------------------------

    @Test
    void supplierDefectGoesBackToTheSupplierWithAFullRefund() {
        assertThat(evaluate(line().with("grade", "D").with("reasonCode", "DEFECTIVE")))
                .isEqualTo(outcome("Rule_SupplierDefect", "VENDOR_RETURN", "FULL", "", 0,
                        "Defective by manufacture: returned to the supplier"));
    }

    @Test
    void supplierDefectWithoutASupplierIsScrappedWithAFullRefund() {
        assertThat(evaluate(line().with("grade", "D").with("reasonCode", "DEFECTIVE").with("hasSupplier", false)))
                .isEqualTo(outcome("Rule_DefectNoSupplier", "SCRAP", "FULL", "", 0,
                        "Defective by manufacture: scrapped, refunded in full"));
    }

    @Test
    void likeNewItemIsRestockedWithAFullRefund() {
        assertThat(evaluate(line()))
                .isEqualTo(outcome("Rule_LikeNew", "RESTOCK", "FULL", "", 0, "Like new: back to sellable stock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHANGED_MIND", "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "BETTER_PRICE_ELSEWHERE"})
    void repackagedItemReturnedForACustomerReasonPaysARestockingFeeOfTenPercent(String reasonCode) {
        assertThat(evaluate(line().with("grade", "B").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_RestockingFee", "RESTOCK", "PARTIAL", "RESTOCKING_FEE", 10,
                        "Restocking fee of 10 % for a repackaged item"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DAMAGED_IN_TRANSIT", "ARRIVED_LATE", ""})
    void repackagedItemReturnedForAnotherReasonIsRestockedWithAFullRefund(String reasonCode) {
        assertThat(evaluate(line().with("grade", "B").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_Repackaged", "RESTOCK", "FULL", "", 0,
                        "Resalable after repackaging: back to sellable stock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smartwatches", "audio"})
    void damagedSmartwatchOrAudioReturnedForACustomerReasonIsRefurbishedWithADamageDeduction(String category) {
        assertThat(evaluate(line().with("grade", "C").with("category", category).with("unitPrice", 59.0)))
                .isEqualTo(outcome("Rule_DamagedByCustomerValuableCategory", "REFURBISH", "PARTIAL", "DAMAGE", 20,
                        "Damage deduction of 20 %: the item needs refurbishment"));
    }

    @Test
    void damagedItemOfAHundredOrMoreReturnedForACustomerReasonIsRefurbishedWithADamageDeduction() {
        assertThat(evaluate(line().with("grade", "C").with("category", "jackets").with("unitPrice", 100)))
                .isEqualTo(outcome("Rule_DamagedByCustomerValuablePrice", "REFURBISH", "PARTIAL", "DAMAGE", 20,
                        "Damage deduction of 20 %: the item needs refurbishment"));
    }

    @Test
    void damagedCheaperItemReturnedForACustomerReasonIsLiquidatedWithADamageDeduction() {
        assertThat(evaluate(line().with("grade", "C").with("category", "jackets").with("unitPrice", 99.99)))
                .isEqualTo(outcome("Rule_DamagedByCustomer", "LIQUIDATE", "PARTIAL", "DAMAGE", 20,
                        "Damage deduction of 20 %: the item is sold off as used"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smartwatches", "audio"})
    void smartwatchOrAudioNeedingRefurbishmentForAnotherReasonIsRefurbishedWithAFullRefund(String category) {
        assertThat(evaluate(line().with("grade", "C").with("reasonCode", "DAMAGED_IN_TRANSIT")
                .with("category", category).with("unitPrice", 59.0)))
                .isEqualTo(outcome("Rule_RefurbishValuableCategory", "REFURBISH", "FULL", "", 0,
                        "Needs refurbishment: refunded in full"));
    }

    @Test
    void itemOfAHundredOrMoreNeedingRefurbishmentForAnotherReasonIsRefurbishedWithAFullRefund() {
        assertThat(evaluate(line().with("grade", "C").with("reasonCode", "DAMAGED_IN_TRANSIT")
                .with("unitPrice", 100)))
                .isEqualTo(outcome("Rule_RefurbishValuablePrice", "REFURBISH", "FULL", "", 0,
                        "Needs refurbishment: refunded in full"));
    }

    @Test
    void cheaperItemNeedingRefurbishmentForAnotherReasonIsLiquidatedWithAFullRefund() {
        assertThat(evaluate(line().with("grade", "C").with("reasonCode", "DAMAGED_IN_TRANSIT")))
                .isEqualTo(outcome("Rule_Liquidate", "LIQUIDATE", "FULL", "", 0,
                        "Not worth refurbishing: sold off as used, refunded in full"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DAMAGED_IN_TRANSIT", "DEFECTIVE", "WRONG_ITEM"})
    void itemDestroyedThroughNoFaultOfTheCustomerIsScrappedWithAFullRefund(String reasonCode) {
        assertThat(evaluate(line().with("grade", "E").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_DestroyedNotByCustomer", "SCRAP", "FULL", "", 0,
                        "Not worth saving through no fault of the customer: scrapped, refunded in full"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHANGED_MIND", "ARRIVED_LATE", ""})
    void itemDestroyedByTheCustomerIsScrappedWithoutRefund(String reasonCode) {
        assertThat(evaluate(line().with("grade", "E").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_DestroyedByCustomer", "SCRAP", "NONE", "", 0,
                        "Destroyed by the customer: no refund"));
    }

    // --- the table as a whole ------------------------------------------------------------------------------------

    @Test
    void gradeOutsideAToEMatchesNoRule() {
        assertThat(evaluate(line().with("grade", "F"))).isEqualTo(new Outcome(null, Map.of()));
    }

    @Test
    void everyRuleSaysInItsAnnotationWhyItExists() {
        assertThat(TABLE.rules()).hasSize(21)
                .allSatisfy(rule -> assertThat(rule.getDescription()).as("annotation of %s", rule.getId())
                        .isNotNull()
                        .satisfies(description -> assertThat(description.getTextContent()).isNotBlank()));
    }

    private static Outcome evaluate(Line line) {
        return TABLE.evaluate(line);
    }

    /** The deduction percent is a DMN number, which the embedded engine gives as a double. */
    private static Outcome outcome(String ruleId, String disposition, String refundDecision, String deductionType,
                                   double deductionPercent, String reason) {
        return new Outcome(ruleId, Map.of("disposition", disposition, "refundDecision", refundDecision,
                "deductionType", deductionType, "deductionPercent", deductionPercent, "reason", reason));
    }

    /** A like-new t-shirt returned because it was too small, with everything matching: restocked, refunded. */
    private static Line line() {
        return new Line()
                .with("grade", "A")
                .with("reasonCode", "SIZE_TOO_SMALL")
                .with("reasonConfirmed", true)
                .with("skuMatches", true)
                .with("serialMatches", true)
                .with("category", "t-shirts")
                .with("unitPrice", 29.9)
                .with("hasSupplier", true);
    }

    private static Line wrongItem() {
        return line().with("reasonCode", "WRONG_ITEM").with("skuMatches", false);
    }
}
