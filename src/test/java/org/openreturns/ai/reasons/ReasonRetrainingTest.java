package org.openreturns.ai.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;
import static org.openreturns.db.Tables.AI_MODEL_VERSION;
import static org.openreturns.db.Tables.REASON_LABEL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.returns.LineReasons;
import org.openreturns.returns.ReasonCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Retraining takes the reasons people set or confirmed, and switches to the candidate only when it scores at least as
 * well on the held-out set as the active version.
 */
@ReturnsIntegrationTest
class ReasonRetrainingTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    ModelVersions versions;
    @Autowired
    LineReasons lineReasons;
    @Autowired
    Clock clock;
    @Autowired
    ReasonClassificationSettings settings;

    @Test
    @SuppressWarnings("unchecked")
    void aCandidateReplacesTheActiveVersionOnlyWhenItScoresAtLeastAsWell() {
        ApiClient api = new ApiClient(http);

        ResponseEntity<Map<String, Object>> first = api.post("manager1", "/api/ai/models/reason/retrain", Map.of());
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> candidate = (Map<String, Object>) first.getBody().get("candidate");
        double candidateF1 = ((Number) candidate.get("macroF1")).doubleValue();
        double previousF1 = ((Number) first.getBody().get("previousMacroF1")).doubleValue();
        assertThat(first.getBody().get("activated")).isEqualTo(candidateF1 >= previousF1);
        assertThat(candidate).containsEntry("trainedBy", "manager1")
                .containsEntry("status", candidateF1 >= previousF1 ? "ACTIVE" : "REJECTED");
        String activeVersion = activeVersion(api);
        assertThat(db.fetchExists(AI_MODEL_VERSION, AI_MODEL_VERSION.VERSION.eq(activeVersion)
                .and(AI_MODEL_VERSION.TRAINED_MODEL.isNotNull())))
                .as("a retrained version is kept as trained; the shipped one comes with the application")
                .isEqualTo(!activeVersion.equals(ReasonClassifier.SHIPPED_VERSION));

        // A restart loads the active version as stored and classifies exactly as before it.
        ReasonClassifier restarted = new ReasonClassifier(versions, lineReasons, clock, settings);
        try {
            restarted.run(null);
            ReasonSuggestion afterRestart = restarted.classify("far too small", null);
            Map<String, Object> beforeRestart = api.post("support1", "/api/ai/classify",
                    Map.of("message", "far too small")).getBody();
            assertThat(afterRestart.modelVersion()).isEqualTo(activeVersion);
            assertThat(afterRestart.reasonCode().name()).isEqualTo(beforeRestart.get("reasonCode"));
            assertThat(afterRestart.confidence())
                    .isCloseTo(((Number) beforeRestart.get("confidence")).doubleValue(), within(0.001));
        } finally {
            restarted.stopTraining();
        }

        // People "confirm" a hundred plain size complaints as better prices elsewhere: a worse model.
        poisonedLabels(api, 100);
        ResponseEntity<Map<String, Object>> second = api.post("manager1", "/api/ai/models/reason/retrain", Map.of());

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> worse = (Map<String, Object>) second.getBody().get("candidate");
        assertThat(second.getBody()).containsEntry("activated", false).containsEntry("previousVersion", activeVersion);
        assertThat(worse).containsEntry("status", "REJECTED");
        assertThat(((Number) worse.get("labelledExamples")).intValue()).isGreaterThanOrEqualTo(100);
        assertThat(((Number) worse.get("macroF1")).doubleValue())
                .isLessThan(((Number) second.getBody().get("previousMacroF1")).doubleValue());
        assertThat(activeVersion(api)).as("the better version keeps classifying").isEqualTo(activeVersion);
        assertThat(api.post("support1", "/api/ai/classify", Map.of("message", "far too small")).getBody())
                .containsEntry("modelVersion", activeVersion);
    }

    private static String activeVersion(ApiClient api) {
        return api.getList("support1", "/api/ai/models").getBody().stream()
                .filter(version -> "reason".equals(version.get("model")) && "ACTIVE".equals(version.get("status")))
                .map(version -> (String) version.get("version")).findFirst().orElseThrow();
    }

    /** Labels on the lines of one real return (they refer to return lines), each a size complaint mislabelled. */
    @SuppressWarnings("unchecked")
    private void poisonedLabels(ApiClient api, int count) {
        api.catalogue("TSHIRT-RETRAIN");
        String orderId = newOrderId();
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> returned = new ArrayList<>();
        for (int lineNo = 1; lineNo <= count / 2; lineNo++) {
            lines.add(line(lineNo, "TSHIRT-RETRAIN", 1, "19.90"));
            returned.add(Map.of("lineNo", lineNo, "quantity", 1, "reasonCode", "SIZE_TOO_SMALL"));
        }
        api.post("support1", "/api/orders", order(orderId, lines.toArray(Map[]::new)));
        UUID returnId = UUID.fromString((String) api.post("support1", "/api/returns",
                Map.of("orderId", orderId, "lines", returned)).getBody().get("returnId"));
        List<String> sizeComplaints = ReasonDataSet.training().stream()
                .filter(message -> message.reasonCode() == ReasonCode.SIZE_TOO_SMALL)
                .map(LabelledMessage::message).toList();
        for (int i = 0; i < count; i++) {
            db.insertInto(REASON_LABEL)
                    .set(REASON_LABEL.RETURN_ID, returnId)
                    .set(REASON_LABEL.LINE_NO, 1 + i / 2)
                    .set(REASON_LABEL.SOURCE, i % 2 == 0 ? "REVIEW" : "INSPECTION")
                    .set(REASON_LABEL.MESSAGE, sizeComplaints.get(i % sizeComplaints.size()))
                    .set(REASON_LABEL.LANGUAGE, "en")
                    .set(REASON_LABEL.REASON_CODE, ReasonCode.BETTER_PRICE_ELSEWHERE.name())
                    .set(REASON_LABEL.LABELLED_BY, "support1")
                    .set(REASON_LABEL.LABELLED_AT, OffsetDateTime.now())
                    .execute();
        }
    }
}
