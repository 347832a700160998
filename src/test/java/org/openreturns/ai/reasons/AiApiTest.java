package org.openreturns.ai.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The reason classifier over HTTP: classify, list the model versions, retrain. */
@ReturnsIntegrationTest
class AiApiTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestsAReasonWithItsConfidenceTheThreeMostLikelyCodesTheLanguageAndTheModel() {
        ResponseEntity<Map<String, Object>> answer = api.post("warehouse1", "/api/ai/classify",
                Map.of("message", "Die Jacke ist viel zu groß, ich brauche eine Nummer kleiner"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> suggestion = answer.getBody();
        assertThat(suggestion).containsEntry("reasonCode", "SIZE_TOO_LARGE").containsEntry("language", "de");
        assertThat((String) suggestion.get("modelVersion")).startsWith("reason-");
        double confidence = ((Number) suggestion.get("confidence")).doubleValue();
        assertThat(confidence).isBetween(0.6, 1.0);
        List<Map<String, Object>> alternatives = (List<Map<String, Object>>) suggestion.get("alternatives");
        assertThat(alternatives).hasSize(3);
        assertThat(alternatives.get(0)).containsEntry("reasonCode", "SIZE_TOO_LARGE");
        assertThat(alternatives).extracting(a -> ((Number) a.get("confidence")).doubleValue())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void readsShortSlangAndEmojiMessagesAndTakesAGivenLanguage() {
        assertThat(api.post("support1", "/api/ai/classify", Map.of("message", "way 2 small lol 😅")).getBody())
                .containsEntry("reasonCode", "SIZE_TOO_SMALL").containsEntry("language", "en");
        assertThat(api.post("quality1", "/api/ai/classify",
                Map.of("message", "Le colis est arrivé avec deux semaines de retard", "language", "fr")).getBody())
                .containsEntry("reasonCode", "ARRIVED_LATE").containsEntry("language", "fr");
    }

    @Test
    void aMissingBlankOrTooLongMessageIsRefusedNamingTheField() {
        ResponseEntity<Map<String, Object>> missing = api.postJson("support1", "/api/ai/classify", "{}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ApiClient.problems(missing)).containsOnly(entry("message", "is required"));

        assertThat(ApiClient.problems(api.post("support1", "/api/ai/classify", Map.of("message", "   "))))
                .containsOnly(entry("message", "is required"));
        assertThat(ApiClient.problems(api.post("support1", "/api/ai/classify",
                Map.of("message", "x".repeat(5001), "language", "it"))))
                .containsOnly(entry("message", "must have at most 5000 characters"),
                        entry("language", "must be one of en, de, fr, es"));
        assertThat(api.post("support1", "/api/ai/classify", Map.of("message", "y".repeat(5000))).getStatusCode())
                .as("5,000 characters are allowed").isEqualTo(HttpStatus.OK);
    }

    @Test
    void theShippedModelIsListedWithItsHeldOutScores() {
        ResponseEntity<List<Map<String, Object>>> models = api.getList("finance1", "/api/ai/models");

        assertThat(models.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> shipped = models.getBody().stream()
                .filter(version -> "reason-1".equals(version.get("version"))).findFirst().orElseThrow();
        assertThat(shipped).containsEntry("model", "reason").containsEntry("trainedBy", "system")
                .containsEntry("labelledExamples", 0);
        assertThat(((Number) shipped.get("macroF1")).doubleValue()).isGreaterThanOrEqualTo(0.80);
        assertThat((Map<String, Object>) shipped.get("macroF1ByLanguage")).containsOnlyKeys("en", "de", "fr", "es");
    }

    @Test
    void onlyManagersRetrain() {
        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/ai/models/reason/retrain", Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
