package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openreturns.process.InvalidTaskSubmissionException.FieldViolation;

/**
 * The forms of the return lifecycle accept what their tasks are completed with (the variables of
 * docs/specification/lifecycle.md, Human tasks) and refuse the rest, through the same validator the task API uses.
 */
class ReturnFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void manualReviewTakesTheDecisionAndItsReason() {
        JsonNode form = form("manual-review");

        assertThat(CamundaFormValidator.validate(form, Map.of("approved", true, "decisionReason", "Known customer")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("approved", false, "decisionReason", "x".repeat(1001),
                "eligibilityReason", "High-value return"))).containsExactlyInAnyOrder(
                new FieldViolation("eligibilityReason", "is read-only"),
                new FieldViolation("decisionReason", "must have at most 1000 characters"));
        assertThat(CamundaFormValidator.validate(form, Map.of("approved", true)))
                .containsExactly(new FieldViolation("decisionReason", "is required"));
    }

    @Test
    void unexpectedParcelIsLinkedToAReturnOrQuarantined() {
        JsonNode form = form("unexpected-parcel");

        assertThat(CamundaFormValidator.validate(form, Map.of("returnId", "6f1c2f0e-4d1a-4c47-9a52-0d6f1f3b8e21")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("quarantine", true, "notes", "No label, no slip")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("returnId", "x".repeat(65))))
                .containsExactly(new FieldViolation("returnId", "must have at most 64 characters"));
        assertThat(CamundaFormValidator.validate(form, Map.of("quarantine", "yes", "linkProblem", "")))
                .containsExactlyInAnyOrder(new FieldViolation("quarantine", "must be true or false"),
                        new FieldViolation("linkProblem", "is read-only"));
    }

    @Test
    void inspectionTakesTheChecklistAndTheEvidenceButNotTheLineSummary() {
        JsonNode form = form("inspection");

        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "C", "skuMatches", true, "serialMatches", true,
                "packagingOk", false, "functional", true, "reasonConfirmed", true, "receivedSerial", "SN-1",
                "notes", "Scratched case", "evidence", "photo-1.jpg\nphoto-2.jpg"))).isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "A", "evidence", "x".repeat(2001),
                "lineSummary", "1 x SKU-1"))).containsExactlyInAnyOrder(
                new FieldViolation("lineSummary", "is read-only"),
                new FieldViolation("evidence", "must have at most 2000 characters"));
    }

    @Test
    void returnApprovalTakesTheDecisionAndAComment() {
        JsonNode form = form("return-approval");

        assertThat(CamundaFormValidator.validate(form, Map.of("approved", true, "comment", "Serial checked")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("approved", true, "approvalSummary", "Refund 649.00")))
                .containsExactlyInAnyOrder(new FieldViolation("approvalSummary", "is read-only"),
                        new FieldViolation("comment", "is required"));
    }

    @Test
    void disputeResolutionTakesADispositionARefundDecisionAndADeductionOfAtMostAHundredPercent() {
        JsonNode form = form("dispute-resolution");

        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "REFURBISH", "refundDecision", "PARTIAL",
                "deductionPercent", 20, "comment", "Customer accepts 20 %"))).isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "RESTOCK", "refundDecision", "FULL",
                "comment", "Our error"))).as("the deduction is optional").isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "HOLD", "refundDecision", "REPLACEMENT",
                "deductionPercent", 101, "comment", "x"))).containsExactlyInAnyOrder(
                new FieldViolation("disposition", "must be one of [RESTOCK, REFURBISH, VENDOR_RETURN, LIQUIDATE, SCRAP]"),
                new FieldViolation("refundDecision", "must be one of [FULL, PARTIAL, NONE]"),
                new FieldViolation("deductionPercent", "must be at most 100"));
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "SCRAP", "refundDecision", "NONE",
                "comment", "x", "disputeProblem", ""))).containsExactly(new FieldViolation("disputeProblem", "is read-only"));
        assertThat(CamundaFormValidator.validate(form, Map.of("deductionPercent", -1, "comment", "x")))
                .containsExactlyInAnyOrder(new FieldViolation("disposition", "is required"),
                        new FieldViolation("refundDecision", "is required"),
                        new FieldViolation("deductionPercent", "must be at least 0"));
    }

    private static JsonNode form(String formId) {
        try {
            JsonNode form = JSON.readTree(Path.of("forms", formId + ".form").toFile());
            assertThat(form.path("id").asText()).as("id of forms/%s.form", formId).isEqualTo(formId);
            return form;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read forms/" + formId + ".form", e);
        }
    }
}
