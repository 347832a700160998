package org.openreturns.ai.reasons;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.openreturns.returns.ReasonCode;

/**
 * A trained reason classifier: detects the message's language, turns the message into {@link MessageFeatures} and
 * scores the ten reason codes with a multinomial logistic regression (OpenNLP's maximum-entropy document
 * categorizer, fitted with L-BFGS and L2 regularisation, which keeps it from leaning on any single word). One model
 * covers all four languages, so words shared between them (brands, sizes, "XL", emoji) help everywhere.
 *
 * <p>Training is deterministic: the same messages give the same model, so a version can be rebuilt at start-up.
 */
public final class ReasonModel {

    /** How many codes a suggestion ranks: the suggested code first, then the next most likely. */
    private static final int ALTERNATIVES = 3;

    private final String version;
    private final MessageLanguages languages;
    private final DoccatModel model;
    /** An operator's embedding model blended in, or null (the default). */
    private final EmbeddingReasonModel embeddings;
    private final double embeddingWeight;

    private ReasonModel(String version, MessageLanguages languages, DoccatModel model) {
        this(version, languages, model, null, 0);
    }

    private ReasonModel(String version, MessageLanguages languages, DoccatModel model, EmbeddingReasonModel embeddings,
                        double embeddingWeight) {
        this.version = version;
        this.languages = languages;
        this.model = model;
        this.embeddings = embeddings;
        this.embeddingWeight = embeddingWeight;
    }

    /**
     * This model with an embedding model's probabilities blended in: {@code weight} of each code's probability comes
     * from the embedding model, the rest from this one. The version names both, so a suggestion says what made it.
     */
    ReasonModel withEmbeddings(EmbeddingReasonModel embeddingModel, double weight) {
        return new ReasonModel(version + "+" + embeddingModel.name(), languages, model, embeddingModel, weight);
    }

    public static ReasonModel train(String version, List<LabelledMessage> messages) {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        // Measured by cross-validation on the training set: 30 iterations score as well as 200, features seen once
        // only (mostly rare 5-grams) add time but no accuracy, and a stronger L2 weight trains faster at the same
        // score. Events are indexed in memory (OnePass) and the gradient computed on both cores.
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 30);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 2);
        parameters.put("L1Cost", 0.0);
        parameters.put("L2Cost", 1.0);
        parameters.put("DataIndexer", "OnePass");
        parameters.put("Threads", 2);
        return train(version, messages, parameters);
    }

    static ReasonModel train(String version, List<LabelledMessage> messages, TrainingParameters parameters) {
        List<DocumentSample> samples = messages.stream().map(message -> new DocumentSample(
                message.reasonCode().name(), MessageFeatures.of(message.message(), message.language()))).toList();
        try {
            DoccatModel model = DocumentCategorizerME.train("x-multi", ObjectStreamUtils.createObjectStream(samples),
                    parameters, new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            return new ReasonModel(version, MessageLanguages.train(messages), model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot train reason model " + version, e);
        }
    }

    /**
     * The trained model as bytes, to keep instead of training it again: the language detector and the categorizer
     * in OpenNLP's own format, each preceded by its length.
     */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream languageBytes = new ByteArrayOutputStream();
            languages.write(languageBytes);
            ByteArrayOutputStream categorizerBytes = new ByteArrayOutputStream();
            model.serialize(categorizerBytes);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(languageBytes.size());
                languageBytes.writeTo(out);
                out.writeInt(categorizerBytes.size());
                categorizerBytes.writeTo(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write reason model " + version, e);
        }
    }

    /** A model {@link #toBytes()} wrote, under the version it was trained as. */
    public static ReasonModel fromBytes(String version, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            MessageLanguages languages = MessageLanguages.read(new ByteArrayInputStream(in.readNBytes(in.readInt())));
            DoccatModel model = new DoccatModel(new ByteArrayInputStream(in.readNBytes(in.readInt())));
            return new ReasonModel(version, languages, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reason model " + version, e);
        }
    }

    public String version() {
        return version;
    }

    /** The language of a message as this model detects it. */
    public String detectLanguage(String message) {
        return languages.detect(message);
    }

    /** Classifies a message in the given language, or in the one detected when {@code language} is null. */
    public ReasonSuggestion classify(String message, String language) {
        String readAs = language == null ? languages.detect(message) : language;
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] scores = categorizer.categorize(MessageFeatures.of(message, readAs));
        Map<ReasonCode, Double> blended = embeddings == null ? Map.of() : embeddings.probabilities(message);
        List<ReasonSuggestion.Alternative> ranked = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ReasonCode code = ReasonCode.valueOf(categorizer.getCategory(i));
            double confidence = embeddings == null ? scores[i]
                    : (1 - embeddingWeight) * scores[i] + embeddingWeight * blended.getOrDefault(code, 0.0);
            ranked.add(new ReasonSuggestion.Alternative(code, confidence));
        }
        ranked.sort(Comparator.comparingDouble(ReasonSuggestion.Alternative::confidence).reversed());
        ReasonSuggestion.Alternative best = ranked.get(0);
        return new ReasonSuggestion(best.reasonCode(), best.confidence(),
                List.copyOf(ranked.subList(0, Math.min(ALTERNATIVES, ranked.size()))), readAs, version);
    }
}
