package org.openreturns.ai.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application started with an operator's ONNX model switched on by its settings: suggestions come from the
 * blend and say so in their model version.
 */
@ReturnsIntegrationTest
class EmbeddingModelSwitchApiTest {

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void operatorSuppliesAModel(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("embedding-model");
        registry.add("returns.reason-classification.embedding-model.path",
                () -> unpack(folder, "all-minilm-l6-v2-q.onnx"));
        registry.add("returns.reason-classification.embedding-model.tokenizer",
                () -> unpack(folder, "all-minilm-l6-v2-q-tokenizer.json"));
    }

    @Test
    void suggestionsComeFromTheBlendAndNameBothModels() {
        Map<String, Object> suggestion = new ApiClient(http).post("support1", "/api/ai/classify",
                Map.of("message", "The parcel arrived crushed and the box was torn open")).getBody();

        assertThat(suggestion).containsEntry("reasonCode", "DAMAGED_IN_TRANSIT")
                .containsEntry("modelVersion", "reason-1+onnx:all-minilm-l6-v2-q.onnx");
    }

    private static String unpack(Path folder, String resource) {
        Path file = folder.resolve(resource);
        try (InputStream in = EmbeddingModelSwitchApiTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (!Files.exists(file)) {
                Files.copy(in, file);
            }
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
