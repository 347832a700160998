package org.openreturns.ai.reasons;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confidenceThreshold a line without a reason code takes the suggestion when its confidence is at least this
 *                            (0 to 1); below it, support chooses the reason in the review. A customer's code that
 *                            differs from a suggestion this confident is flagged on the timeline.
 * @param embeddingModel      an operator-supplied sentence-embedding model used beside the in-process one; off
 *                            unless its path is set
 */
@ConfigurationProperties("returns.reason-classification")
public record ReasonClassificationSettings(@DefaultValue("0.6") double confidenceThreshold,
                                           @DefaultValue EmbeddingModel embeddingModel) {

    public ReasonClassificationSettings {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("returns.reason-classification.confidence-threshold must be between 0 "
                    + "and 1, not " + confidenceThreshold);
        }
    }

    /**
     * An ONNX sentence-embedding model (for example a multilingual MiniLM exported from Hugging Face) whose reason
     * scores are blended with the in-process model's (docs/ai.md).
     *
     * @param path      the {@code .onnx} file; blank (the default) leaves the switch off
     * @param tokenizer the model's {@code tokenizer.json}, required with {@code path}
     * @param pooling   how the model's token vectors become one sentence vector: MEAN (sentence-transformers) or CLS
     * @param weight    the share of the embedding model's probabilities in a suggestion (0 to 1)
     */
    public record EmbeddingModel(String path, String tokenizer, @DefaultValue("MEAN") PoolingMode pooling,
                                 @DefaultValue("0.5") double weight) {

        private static final String PREFIX = "returns.reason-classification.embedding-model.";

        public EmbeddingModel {
            if (path != null && !path.isBlank()) {
                if (!Files.isRegularFile(Path.of(path))) {
                    throw new IllegalArgumentException(PREFIX + "path: " + path + " is not a file");
                }
                if (tokenizer == null || tokenizer.isBlank() || !Files.isRegularFile(Path.of(tokenizer))) {
                    throw new IllegalArgumentException(PREFIX + "tokenizer: the model's tokenizer.json is required "
                            + "with a model path" + (tokenizer == null || tokenizer.isBlank() ? ""
                            : "; " + tokenizer + " is not a file"));
                }
            }
            if (weight < 0 || weight > 1) {
                throw new IllegalArgumentException(PREFIX + "weight must be between 0 and 1, not " + weight);
            }
        }

        public Path modelFile() {
            return Path.of(path);
        }

        public Path tokenizerFile() {
            return Path.of(tokenizer);
        }

        public boolean switchedOn() {
            return path != null && !path.isBlank();
        }
    }
}
