package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * Every rule of the decision tables in {@code bpmn/}, evaluated by the DMN engine the application runs them on,
 * after the same translation the deployer applies. One row per rule: the inputs that reach it and its outputs.
 */
class DecisionTablesTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final CamundaModelTranslator TRANSLATOR = new CamundaModelTranslator("PT10S", "P180D");

    @ParameterizedTest(name = "{8}: {9}")
    @CsvSource(delimiter = '|', textBlock = """
            # tier   | delivered | days | finalSale | condition | reason        | channel       | value  | eligibility   | reason
            BLOCKED  | true      | 3    | false     | UNOPENED  | CHANGED_MIND  | WEB           | 20     | REJECT        | The customer account is blocked
            STANDARD | true      | 3    | true      | UNOPENED  | CHANGED_MIND  | WEB           | 20     | REJECT        | Final-sale items cannot be returned
            STANDARD | false     | 0    | false     | UNOPENED  | CHANGED_MIND  | WEB           | 20     | MANUAL_REVIEW | The order has not been delivered yet
            VIP      | true      | 61   | false     | UNOPENED  | CHANGED_MIND  | WEB           | 20     | REJECT        | The 60-day return window for VIP customers has passed
            VIP      | true      | 60   | false     | UNOPENED  | CHANGED_MIND  | MARKETPLACE_A | 20     | AUTO_APPROVE  | Within the return policy
            STANDARD | true      | 31   | false     | UNOPENED  | CHANGED_MIND  | WEB           | 20     | REJECT        | The 30-day return window has passed
            STANDARD | true      | 30   | false     | ''        | ''            | WEB           | 20     | AUTO_APPROVE  | Within the return policy
            STANDARD | true      | 3    | false     | DAMAGED   | CHANGED_MIND  | WEB           | 20     | MANUAL_REVIEW | Declared damaged but returned for a change of mind
            STANDARD | true      | 3    | false     | DAMAGED   | DEFECTIVE     | WEB           | 20     | AUTO_APPROVE  | Within the return policy
            STANDARD | true      | 3    | false     | OPENED    | SIZE_TOO_LARGE| WEB           | 1000   | MANUAL_REVIEW | High-value return
            VIP      | true      | 3    | false     | OPENED    | SIZE_TOO_LARGE| WEB           | 1000   | AUTO_APPROVE  | Within the return policy
            """)
    void eligibility(String tier, boolean delivered, int days, boolean finalSale, String condition, String reason,
                     String channel, double value, String eligibility, String why) throws IOException {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("customerTier", tier);
        inputs.put("delivered", delivered);
        inputs.put("daysSinceDelivery", days);
        inputs.put("finalSale", finalSale);
        inputs.put("declaredCondition", condition);
        inputs.put("reasonCode", reason);
        inputs.put("channel", channel);
        inputs.put("lineValue", value);

        DmnDecisionResultEntries result = evaluate("bpmn/eligibility.dmn", "eligibility", inputs);

        assertThat(result.<String>getEntry("eligibility")).isEqualTo(eligibility);
        assertThat(result.<String>getEntry("reason")).isEqualTo(why);
    }

    @ParameterizedTest(name = "{8} {9} {10}")
    @CsvSource(delimiter = '|', textBlock = """
            # grade | reason                 | confirmed | sku   | serial | category     | price | supplier | disposition   | refund      | deduction      | percent
            A       | CHANGED_MIND           | true      | true  | false  | smartwatches | 649   | true     | HOLD          | NONE        | ''             | 0
            B       | WRONG_ITEM             | true      | false | true   | jeans        | 79    | true     | RESTOCK       | REPLACEMENT | ''             | 0
            C       | WRONG_ITEM             | true      | false | true   | jeans        | 79    | true     | REFURBISH     | REPLACEMENT | ''             | 0
            D       | WRONG_ITEM             | true      | false | true   | jeans        | 79    | true     | VENDOR_RETURN | REPLACEMENT | ''             | 0
            D       | WRONG_ITEM             | true      | false | true   | jeans        | 79    | false    | SCRAP         | REPLACEMENT | ''             | 0
            E       | WRONG_ITEM             | true      | false | true   | jeans        | 79    | true     | SCRAP         | REPLACEMENT | ''             | 0
            A       | CHANGED_MIND           | true      | false | true   | jeans        | 79    | true     | HOLD          | NONE        | ''             | 0
            A       | DEFECTIVE              | false     | true  | true   | jeans        | 79    | true     | HOLD          | NONE        | ''             | 0
            D       | DEFECTIVE              | true      | true  | true   | jackets      | 119   | true     | VENDOR_RETURN | FULL        | ''             | 0
            D       | DEFECTIVE              | true      | true  | true   | jackets      | 119   | false    | SCRAP         | FULL        | ''             | 0
            A       | SIZE_TOO_SMALL         | true      | true  | true   | t-shirts     | 19.9  | true     | RESTOCK       | FULL        | ''             | 0
            A       | SIZE_TOO_SMALL         | false     | true  | true   | t-shirts     | 19.9  | true     | RESTOCK       | FULL        | ''             | 0
            B       | BETTER_PRICE_ELSEWHERE | true      | true  | true   | t-shirts     | 19.9  | true     | RESTOCK       | PARTIAL     | RESTOCKING_FEE | 10
            B       | DAMAGED_IN_TRANSIT     | true      | true  | true   | t-shirts     | 19.9  | true     | RESTOCK       | FULL        | ''             | 0
            C       | CHANGED_MIND           | true      | true  | true   | smartwatches | 649   | true     | REFURBISH     | PARTIAL     | DAMAGE         | 20
            C       | SIZE_TOO_LARGE         | true      | true  | true   | jackets      | 119   | true     | REFURBISH     | PARTIAL     | DAMAGE         | 20
            C       | SIZE_TOO_LARGE         | true      | true  | true   | jeans        | 79    | true     | LIQUIDATE     | PARTIAL     | DAMAGE         | 20
            C       | DAMAGED_IN_TRANSIT     | true      | true  | true   | audio        | 249   | true     | REFURBISH     | FULL        | ''             | 0
            C       | NOT_AS_DESCRIBED       | true      | true  | true   | bags         | 229   | true     | REFURBISH     | FULL        | ''             | 0
            C       | ARRIVED_LATE           | true      | true  | true   | caps         | 15    | true     | LIQUIDATE     | FULL        | ''             | 0
            E       | DAMAGED_IN_TRANSIT     | true      | true  | true   | dresses      | 89    | true     | SCRAP         | FULL        | ''             | 0
            E       | CHANGED_MIND           | true      | true  | true   | dresses      | 89    | true     | SCRAP         | NONE        | ''             | 0
            """)
    void disposition(String grade, String reason, boolean confirmed, boolean skuMatches, boolean serialMatches,
                     String category, double price, boolean hasSupplier, String disposition, String refund,
                     String deductionType, int percent) throws IOException {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("grade", grade);
        inputs.put("reasonCode", reason);
        inputs.put("reasonConfirmed", confirmed);
        inputs.put("skuMatches", skuMatches);
        inputs.put("serialMatches", serialMatches);
        inputs.put("category", category);
        inputs.put("unitPrice", price);
        inputs.put("hasSupplier", hasSupplier);

        DmnDecisionResultEntries result = evaluate("bpmn/disposition.dmn", "disposition", inputs);

        assertThat(List.of(result.<String>getEntry("disposition"), result.<String>getEntry("refundDecision"),
                result.<String>getEntry("deductionType"))).containsExactly(disposition, refund, deductionType);
        assertThat(((Number) result.getEntry("deductionPercent")).intValue()).isEqualTo(percent);
        assertThat(result.<String>getEntry("reason")).isNotBlank();
    }

    private static DmnDecisionResultEntries evaluate(String file, String decisionId, Map<String, Object> inputs)
            throws IOException {
        byte[] translated = TRANSLATOR.translateDmn(file, Files.readAllBytes(Path.of(file))).content();
        DmnDecision decision = ENGINE.parseDecision(decisionId, new ByteArrayInputStream(translated));
        return ENGINE.evaluateDecision(decision, inputs).getSingleResult();
    }
}
