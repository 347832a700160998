package org.openreturns.ai.reasons;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.openreturns.returns.ReasonCode;

/**
 * Reason scores from an operator's sentence-embedding model (an ONNX file and its tokenizer, switched on in
 * {@link ReasonClassificationSettings.EmbeddingModel}): each reason code is represented by the mean direction of its
 * training messages' embeddings, and a message scores each code by how close its own embedding points (cosine
 * similarity), turned into probabilities by a softmax. A multilingual model brings knowledge of words the shipped
 * messages never used; the in-process model stays the default and the base of every suggestion.
 */
final class EmbeddingReasonModel {

    /**
     * How sharply similarity becomes probability: cosine similarities of sentence embeddings of one domain lie close
     * together (0.2 to 0.7), so a difference of 0.05 between two codes should already make one about e (2.7) times
     * as likely as the other.
     */
    private static final double SHARPNESS = 20;

    private final String name;
    private final EmbeddingModel embeddings;
    private final Map<ReasonCode, float[]> directions;

    private EmbeddingReasonModel(String name, EmbeddingModel embeddings, Map<ReasonCode, float[]> directions) {
        this.name = name;
        this.embeddings = embeddings;
        this.directions = directions;
    }

    /** Loads the operator's model from its files. */
    static EmbeddingModel load(Path model, Path tokenizer, PoolingMode pooling) {
        return new OnnxEmbeddingModel(model, tokenizer, pooling);
    }

    /** Embeds the training messages and keeps, per reason code, the normalised mean of their embeddings. */
    static EmbeddingReasonModel train(String name, EmbeddingModel embeddings, List<LabelledMessage> messages) {
        List<float[]> vectors = embeddings.embedAll(messages.stream().map(m -> TextSegment.from(m.message())).toList())
                .content().stream().map(embedding -> normalised(embedding.vector())).toList();
        Map<ReasonCode, float[]> sums = new EnumMap<>(ReasonCode.class);
        for (int i = 0; i < messages.size(); i++) {
            float[] sum = sums.computeIfAbsent(messages.get(i).reasonCode(), code -> new float[vectors.get(0).length]);
            float[] vector = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vector[d];
            }
        }
        Map<ReasonCode, float[]> directions = new EnumMap<>(ReasonCode.class);
        sums.forEach((code, sum) -> directions.put(code, normalised(sum)));
        return new EmbeddingReasonModel(name, embeddings, directions);
    }

    /** The model's name, as it appears in the version of the suggestions it contributed to. */
    String name() {
        return name;
    }

    /** The probability of each reason code the training messages had; the codes they lacked are absent. */
    Map<ReasonCode, Double> probabilities(String message) {
        float[] vector = normalised(embeddings.embed(message).content().vector());
        Map<ReasonCode, Double> exponentials = new EnumMap<>(ReasonCode.class);
        double total = 0;
        for (Map.Entry<ReasonCode, float[]> direction : directions.entrySet()) {
            double exponential = Math.exp(SHARPNESS * dot(vector, direction.getValue()));
            exponentials.put(direction.getKey(), exponential);
            total += exponential;
        }
        double sum = total;
        exponentials.replaceAll((code, exponential) -> exponential / sum);
        return exponentials;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    private static float[] normalised(float[] vector) {
        double length = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int d = 0; d < vector.length; d++) {
            unit[d] = (float) (vector[d] / (length == 0 ? 1 : length));
        }
        return unit;
    }
}
