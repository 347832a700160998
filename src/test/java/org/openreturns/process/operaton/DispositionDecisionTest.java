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
                        "Wrong item shipped: refurbished, the right item is sent"));
    }

    @Test
    void defectiveWrongItemGoesBackToTheSupplierAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "D")))
                .isEqualTo(outcome("Rule_WrongItemDefective", "VENDOR_RETURN", "REPLACEMENT", "", 0,
                        "Wrong item shipped and defective: returned to the supplier, the right item is sent"));
    }

    @Test
    void defectiveWrongItemWithoutASupplierIsScrappedAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "D").with("hasSupplier", false)))
                .isEqualTo(outcome("Rule_WrongItemScrap", "SCRAP", "REPLACEMENT", "", 0,
                        "Wrong item shipped, not worth saving: scrapped, the right item is sent"));
    }

    @Test
    void destroyedWrongItemIsScrappedAndTheRightItemSent() {
        assertThat(evaluate(wrongItem().with("grade", "E")))
                .isEqualTo(outcome("Rule_WrongItemScrap", "SCRAP", "REPLACEMENT", "", 0,
                        "Wrong item shipped, not worth saving: scrapped, the right item is sent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHANGED_MIND", "DEFECTIVE", ""})
    void unexpectedItemReturnedForAnotherReasonIsHeldWithoutRefund(String reasonCode) {
        assertThat(evaluate(line().with("skuMatches", false).with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_OtherItem", "HOLD", "NONE", "", 0,
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
                        "Defective by manufacture, no supplier to claim from: scrapped"));
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
                .isEqualTo(outcome("Rule_RepackagedCustomerReason", "RESTOCK", "PARTIAL", "RESTOCKING_FEE", 10,
                        "Restocking fee of 10 % for a repackaged item"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DAMAGED_IN_TRANSIT", "ARRIVED_LATE", ""})
    void repackagedItemReturnedForAnotherReasonIsRestockedWithAFullRefund(String reasonCode) {
        assertThat(evaluate(line().with("grade", "B").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_Repackaged", "RESTOCK", "FULL", "", 0,
                        "Resalable after repackaging"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smartwatches", "audio"})
    void damagedSmartwatchOrAudioReturnedForACustomerReasonIsRefurbishedWithADamageDeduction(String category) {
        assertThat(evaluate(line().with("grade", "C").with("category", category).with("unitPrice", 59.0)))
                .isEqualTo(outcome("Rule_WornRefurbishable", "REFURBISH", "PARTIAL", "DAMAGE", 20,
                        "Needs refurbishment after use: 20 % damage deduction"));
    }

    @Test
    void damagedItemOfAHundredOrMoreReturnedForACustomerReasonIsRefurbishedWithADamageDeduction() {
        assertThat(evaluate(line().with("grade", "C").with("category", "jackets").with("unitPrice", 100)))
                .isEqualTo(outcome("Rule_WornValuable", "REFURBISH", "PARTIAL", "DAMAGE", 20,
                        "Needs refurbishment after use: 20 % damage deduction"));
    }

    @Test
    void damagedCheaperItemReturnedForACustomerReasonIsLiquidatedWithADamageDeduction() {
        assertThat(evaluate(line().with("grade", "C").with("category", "jackets").with("unitPrice", 99.99)))
                .isEqualTo(outcome("Rule_WornLiquidate", "LIQUIDATE", "PARTIAL", "DAMAGE", 20,
                        "Not worth refurbishing after use: liquidated, 20 % damage deduction"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smartwatches", "audio"})
    void smartwatchOrAudioNeedingRefurbishmentForAnotherReasonIsRefurbishedWithAFullRefund(String category) {
        assertThat(evaluate(line().with("grade", "C").with("reasonCode", "DAMAGED_IN_TRANSIT")
                .with("category", category).with("unitPrice", 59.0)))
                .isEqualTo(outcome("Rule_NeedsRefurbishment", "REFURBISH", "FULL", "", 0,
                        "Needs refurbishment"));
    }

    @Test
    void itemOfAHundredOrMoreNeedingRefurbishmentForAnotherReasonIsRefurbishedWithAFullRefund() {
        assertThat(evaluate(line().with("grade", "C").with("reasonCode", "DAMAGED_IN_TRANSIT")
                .with("unitPrice", 100)))
                .isEqualTo(outcome("Rule_NeedsRefurbishmentValuable", "REFURBISH", "FULL", "", 0,
                        "Needs refurbishment"));
    }

    @Test
    void cheaperItemNeedingRefurbishmentForAnotherReasonIsLiquidatedWithAFullRefund() {
        assertThat(evaluate(line().with("grade", "C").with("reasonCode", "DAMAGED_IN_TRANSIT")))
                .isEqualTo(outcome("Rule_NotWorthRefurbishing", "LIQUIDATE", "FULL", "", 0,
                        "Not worth refurbishing: liquidated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DAMAGED_IN_TRANSIT", "DEFECTIVE", "WRONG_ITEM"})
    void itemDestroyedThroughNoFaultOfTheCustomerIsScrappedWithAFullRefund(String reasonCode) {
        assertThat(evaluate(line().with("grade", "E").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_DestroyedNotCustomer", "SCRAP", "FULL", "", 0,
                        "Destroyed through no fault of the customer: scrapped, refunded"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHANGED_MIND", "ARRIVED_LATE", ""})
    void itemDestroyedByTheCustomerIsScrappedWithoutRefund(String reasonCode) {
        assertThat(evaluate(line().with("grade", "E").with("reasonCode", reasonCode)))
                .isEqualTo(outcome("Rule_Destroyed", "SCRAP", "NONE", "", 0,
                        "Destroyed by the customer: no refund"));
    }

    // --- the table as a whole ------------------------------------------------------------------------------------

    @Test
    void gradeOutsideAToEMatchesNoRule() {
        assertThat(evaluate(line().with("grade", "F"))).isEqualTo(new Outcome(null, Map.of()));
    }

    @Test
    void everyRuleSaysInItsAnnotationWhyItExists() {
        assertThat(TABLE.rules()).hasSize(20)
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
