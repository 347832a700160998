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
    void manualReviewDecisionIsAnExplicitChoice() {
        assertThat(CamundaFormValidator.validate(form("manual-review"), Map.of("decisionReason", "Known customer")))
                .containsExactly(new FieldViolation("approved", "is required"));
        assertThat(CamundaFormValidator.validate(form("manual-review"), Map.of("approved", "yes",
                "decisionReason", "x"))).containsExactly(new FieldViolation("approved", "must be one of [true, false]"));
    }

    @Test
    void unexpectedParcelIsLinkedToAReturnOrQuarantinedAsOneExplicitAnswer() {
        JsonNode form = form("unexpected-parcel");

        assertThat(CamundaFormValidator.validate(form, Map.of("parcelAction", "LINK", "returnId", "RMA-2026-000001")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("parcelAction", "LINK",
                "otherReturn", "6f1c2f0e-4d1a-4c47-9a52-0d6f1f3b8e21"))).isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("parcelAction", "QUARANTINE",
                "notes", "No label, no slip"))).isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("returnId", "RMA-2026-000001")))
                .containsExactly(new FieldViolation("parcelAction", "is required"));
        assertThat(CamundaFormValidator.validate(form, Map.of("parcelAction", "LINK", "otherReturn", "x".repeat(65))))
                .containsExactly(new FieldViolation("otherReturn", "must have at most 64 characters"));
        assertThat(CamundaFormValidator.validate(form, Map.of("parcelAction", "KEEP", "linkProblem", "",
                "candidateReturns", "RMA-1"))).containsExactlyInAnyOrder(
                new FieldViolation("parcelAction", "must be one of [LINK, QUARANTINE]"),
                new FieldViolation("linkProblem", "is read-only"),
                new FieldViolation("candidateReturns", "is not a field of form 'unexpected-parcel'"));
    }

    @Test
    void inspectionTakesTheChecklistAndTheEvidenceButNotTheLineSummary() {
        JsonNode form = form("inspection");

        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "C", "skuMatches", true, "serialMatches", true,
                "packagingOk", false, "functional", true, "reasonConfirmed", true, "receivedSerial", "SN-1",
                "notes", "Scratched case", "evidence", "photo-1.jpg\nphoto-2.jpg"))).isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "A", "skuMatches", true, "packagingOk", true,
                "functional", true, "reasonConfirmed", false, "evidence", "x".repeat(2001), "lineSummary", "1 x SKU-1",
                "orderNumber", "WEB-1"))).containsExactlyInAnyOrder(
                new FieldViolation("lineSummary", "is read-only"),
                new FieldViolation("orderNumber", "is read-only"),
                new FieldViolation("evidence", "must have at most 2000 characters"));
    }

    @Test
    void inspectionAssumesNoAnswerEveryFindingIsAChoiceOfYesOrNo() {
        JsonNode form = form("inspection");

        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "A"))).containsExactlyInAnyOrder(
                new FieldViolation("skuMatches", "is required"),
                new FieldViolation("packagingOk", "is required"),
                new FieldViolation("functional", "is required"),
                new FieldViolation("reasonConfirmed", "is required"));
        assertThat(CamundaFormValidator.validate(form, Map.of("grade", "A", "skuMatches", "yes", "packagingOk", true,
                "functional", true, "reasonConfirmed", true)))
                .containsExactly(new FieldViolation("skuMatches", "must be one of [true, false]"));
    }

    @Test
    void returnApprovalTakesTheDecisionAndAComment() {
        JsonNode form = form("return-approval");

        assertThat(CamundaFormValidator.validate(form, Map.of("approved", true, "comment", "Serial checked")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("approved", false, "comment", "Serial not checked")))
                .as("refusing is an explicit choice with a reason").isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("approved", true, "approvalSummary", "Refund 649.00",
                "moneyAtStake", "649.00 EUR"))).containsExactlyInAnyOrder(
                new FieldViolation("approvalSummary", "is read-only"),
                new FieldViolation("moneyAtStake", "is read-only"),
                new FieldViolation("comment", "is required"));
        assertThat(CamundaFormValidator.validate(form, Map.of("comment", "x")))
                .containsExactly(new FieldViolation("approved", "is required"));
    }

    @Test
    void disputeResolutionTakesADispositionARefundDecisionAndADeductionOfAtMostAHundredPercent() {
        JsonNode form = form("dispute-resolution");

        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "REFURBISH", "refundDecision", "PARTIAL",
                "deductionPercent", 20, "comment", "Customer accepts 20 %"))).isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "RESTOCK", "refundDecision", "FULL",
                "comment", "Our error"))).as("the deduction is optional").isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "RESTOCK", "refundDecision",
                "REPLACEMENT", "comment", "Wrong item shipped"))).as("every outcome of the disposition table").isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "HOLD", "refundDecision", "SOME",
                "deductionPercent", 101, "comment", "x"))).containsExactlyInAnyOrder(
                new FieldViolation("disposition", "must be one of [RESTOCK, REFURBISH, VENDOR_RETURN, LIQUIDATE, SCRAP]"),
                new FieldViolation("refundDecision", "must be one of [FULL, PARTIAL, NONE, REPLACEMENT]"),
                new FieldViolation("deductionPercent", "must be at most 100"));
        assertThat(CamundaFormValidator.validate(form, Map.of("disposition", "SCRAP", "refundDecision", "NONE",
                "comment", "x", "disputeProblem", ""))).containsExactly(new FieldViolation("disputeProblem", "is read-only"));
        assertThat(CamundaFormValidator.validate(form, Map.of("deductionPercent", -1, "comment", "x")))
                .containsExactlyInAnyOrder(new FieldViolation("disposition", "is required"),
                        new FieldViolation("refundDecision", "is required"),
                        new FieldViolation("deductionPercent", "must be at least 0"));
    }

    @Test
    void aStepConflictIsResolvedWithWhatThePersonDidAndShowsTheProblemReadOnly() {
        JsonNode form = form("step-conflict");

        assertThat(CamundaFormValidator.validate(form, Map.of("conflictResolution", "Booked the missing shipment")))
                .isEmpty();
        assertThat(CamundaFormValidator.validate(form, Map.of("conflictProblem", "edited"))).containsExactlyInAnyOrder(
                new FieldViolation("conflictProblem", "is read-only"),
                new FieldViolation("conflictResolution", "is required"));
        assertThat(CamundaFormValidator.validate(form, Map.of("conflictResolution", "x".repeat(2001))))
                .containsExactly(new FieldViolation("conflictResolution", "must have at most 2000 characters"));
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
