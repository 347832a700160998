package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreturns.process.operaton.DecisionTable.Line;
import org.openreturns.process.operaton.DecisionTable.Outcome;

/** The rules of {@code bpmn/eligibility.dmn}, one return line at a time, on Operaton's DMN engine. */
class EligibilityDecisionTest {

    private static final DecisionTable TABLE = new DecisionTable("bpmn/eligibility.dmn", "eligibility");

    @Test
    void blockedCustomerIsRejectedEvenWithinTheWindow() {
        assertThat(evaluate(line().with("customerTier", "BLOCKED").with("daysSinceDelivery", 1)))
                .isEqualTo(outcome("Rule_Blocked", "REJECT", "The customer account is blocked"));
    }

    @Test
    void finalSaleItemIsRejected() {
        assertThat(evaluate(line().with("finalSale", true)))
                .isEqualTo(outcome("Rule_FinalSale", "REJECT", "Final-sale items cannot be returned"));
    }

    @Test
    void undeliveredOrderGoesToManualReview() {
        assertThat(evaluate(line().with("delivered", false).with("daysSinceDelivery", 0)))
                .isEqualTo(outcome("Rule_NotDelivered", "MANUAL_REVIEW", "The order has not been delivered yet"));
    }

    @Test
    void vipCustomerMayReturnUntilDaySixty() {
        assertThat(evaluate(line().with("customerTier", "VIP").with("daysSinceDelivery", 60)).outputs())
                .containsEntry("eligibility", "AUTO_APPROVE");
        assertThat(evaluate(line().with("customerTier", "VIP").with("daysSinceDelivery", 45)).outputs())
                .as("the 30-day window does not apply to VIP customers")
                .containsEntry("eligibility", "AUTO_APPROVE");
    }

    @Test
    void vipCustomerIsRejectedAfterDaySixty() {
        assertThat(evaluate(line().with("customerTier", "VIP").with("daysSinceDelivery", 61)))
                .isEqualTo(outcome("Rule_VipWindow", "REJECT",
                        "The 60-day return window for VIP customers has passed"));
    }

    @Test
    void standardCustomerMayReturnUntilDayThirty() {
        assertThat(evaluate(line().with("daysSinceDelivery", 30)).outputs())
                .containsEntry("eligibility", "AUTO_APPROVE");
    }

    @Test
    void standardCustomerIsRejectedAfterDayThirty() {
        assertThat(evaluate(line().with("daysSinceDelivery", 31)))
                .isEqualTo(outcome("Rule_Window", "REJECT", "The 30-day return window has passed"));
    }

    @Test
    void itemDeclaredDamagedButReturnedForAChangeOfMindGoesToManualReview() {
        assertThat(evaluate(line().with("declaredCondition", "DAMAGED").with("reasonCode", "CHANGED_MIND")))
                .isEqualTo(outcome("Rule_DamagedChangedMind", "MANUAL_REVIEW",
                        "Declared damaged but returned for a change of mind"));
    }

    @Test
    void itemDeclaredDamagedInTransitIsApproved() {
        assertThat(evaluate(line().with("declaredCondition", "DAMAGED").with("reasonCode", "DAMAGED_IN_TRANSIT"))
                .outputs()).containsEntry("eligibility", "AUTO_APPROVE");
    }

    @Test
    void highValueReturnOfAStandardCustomerGoesToManualReview() {
        assertThat(evaluate(line().with("lineValue", 1000.0)))
                .isEqualTo(outcome("Rule_HighValue", "MANUAL_REVIEW", "High-value return"));
        assertThat(evaluate(line().with("lineValue", 999.99)).outputs())
                .containsEntry("eligibility", "AUTO_APPROVE");
    }

    @Test
    void highValueReturnOfAVipCustomerIsApproved() {
        assertThat(evaluate(line().with("customerTier", "VIP").with("lineValue", 2500.0)).outputs())
                .containsEntry("eligibility", "AUTO_APPROVE");
    }

    @Test
    void returnWithARiskScoreOfEightyOrMoreGoesToManualReview() {
        assertThat(evaluate(line().with("returnRiskScore", 80)))
                .isEqualTo(outcome("Rule_ReturnRisk", "MANUAL_REVIEW", "return risk"));
        assertThat(evaluate(line().with("customerTier", "VIP").with("returnRiskScore", 95)).ruleId())
                .as("the risk applies to every tier").isEqualTo("Rule_ReturnRisk");
        assertThat(evaluate(line().with("returnRiskScore", 79)).outputs())
                .containsEntry("eligibility", "AUTO_APPROVE");
    }

    @Test
    void riskyReturnOutsideTheWindowIsStillRejected() {
        assertThat(evaluate(line().with("returnRiskScore", 100).with("daysSinceDelivery", 31)).ruleId())
                .isEqualTo("Rule_Window");
    }

    @Test
    void returnWithinThePolicyIsApproved() {
        assertThat(evaluate(line()))
                .isEqualTo(outcome("Rule_WithinPolicy", "AUTO_APPROVE", "Within the return policy"));
    }

    @Test
    void returnWithNoDeclaredConditionOrReasonIsApproved() {
        assertThat(evaluate(line().with("declaredCondition", "").with("reasonCode", "")))
                .isEqualTo(outcome("Rule_WithinPolicy", "AUTO_APPROVE", "Within the return policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEB", "MARKETPLACE_A", "MARKETPLACE_B", "MARKETPLACE_C"})
    void everyChannelFollowsTheSamePolicy(String channel) {
        assertThat(evaluate(line().with("channel", channel)).ruleId()).isEqualTo("Rule_WithinPolicy");
        assertThat(evaluate(line().with("channel", channel).with("daysSinceDelivery", 31)).ruleId())
                .isEqualTo("Rule_Window");
    }

    @Test
    void everyRuleSaysInItsAnnotationWhyItExists() {
        assertThat(TABLE.rules()).hasSize(9)
                .allSatisfy(rule -> assertThat(rule.getDescription()).as("annotation of %s", rule.getId())
                        .isNotNull()
                        .satisfies(description -> assertThat(description.getTextContent()).isNotBlank()));
    }

    private static Outcome evaluate(Line line) {
        return TABLE.evaluate(line);
    }

    private static Outcome outcome(String ruleId, String eligibility, String reason) {
        return new Outcome(ruleId, Map.of("eligibility", eligibility, "reason", reason));
    }

    /** A delivered line of a standard customer, returned in time for a change of size: approved unless changed. */
    private static Line line() {
        return new Line()
                .with("customerTier", "STANDARD")
                .with("delivered", true)
                .with("daysSinceDelivery", 10)
                .with("finalSale", false)
                .with("declaredCondition", "UNOPENED")
                .with("reasonCode", "SIZE_TOO_SMALL")
                .with("channel", "WEB")
                .with("lineValue", 49.9)
                .with("returnRiskScore", 0);
    }
}
