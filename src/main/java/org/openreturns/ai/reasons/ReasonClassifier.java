package org.openreturns.ai.reasons;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.openreturns.returns.LineReasons;
import org.openreturns.returns.ReasonCode;
import org.openreturns.returns.ReturnService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * The reason classifier the application uses: the active model version, loaded when the application starts (on a
 * thread of its own, while the rest of the application starts; the application is ready only once the model is, and a
 * step that classifies earlier waits for it), and retrained on request from the shipped set plus the labelled
 * examples people left in reviews and inspections.
 *
 * <p>The shipped model is version {@value #SHIPPED_VERSION}, trained when the application is built
 * ({@link ShippedReasonModel}). A retrained version is stored as trained, with the labelled examples it was trained on
 * (their ids up to {@code last_label_id}).
 */
@Service
public class ReasonClassifier implements ApplicationRunner {

    static final String MODEL = "reason";
    static final String SHIPPED_VERSION = "reason-1";

    private static final Logger LOG = LoggerFactory.getLogger(ReasonClassifier.class);

    private final ModelVersions versions;
    private final LineReasons lineReasons;
    private final Clock clock;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reason-model-training");
        thread.setDaemon(true);
        return thread;
    });
    private final List<LabelledMessage> heldOut = ReasonDataSet.heldOut();
    private volatile CompletableFuture<ActiveModel> active;
    /** The operator's embedding model, when switched on; blended into every active version. */
    private volatile EmbeddingReasonModel embeddings;
    private double embeddingWeight;

    /** A model in use and its held-out score, which a retrained candidate must at least match. */
    private record ActiveModel(ReasonModel model, double macroF1) {
    }

    /** What a retraining did: the candidate's scores, and whether it replaced the active version. */
    public record Retraining(ModelVersion candidate, boolean activated, String previousVersion,
                             double previousMacroF1) {
    }

    ReasonClassifier(ModelVersions versions, LineReasons lineReasons, Clock clock,
                     ReasonClassificationSettings settings) {
        this.versions = versions;
        this.lineReasons = lineReasons;
        this.clock = clock;
        long start = System.nanoTime();
        this.active = CompletableFuture.supplyAsync(this::loadActive, trainer).thenApply(loaded -> {
            if (!settings.embeddingModel().switchedOn()) {
                return loaded;
            }
            embeddings = embeddingModel(settings.embeddingModel());
            return new ActiveModel(blended(loaded.model()), loaded.macroF1());
        }).whenComplete((model, failure) -> {
            if (failure == null) {
                LOG.info("Reason model {} ready in {} ms", model.model().version(),
                        (System.nanoTime() - start) / 1_000_000);
            } else {
                LOG.error("Reason model could not be loaded or trained", failure);
            }
        });
    }

    /** Start-up ends (and the application reports ready) only once the model is trained. */
    @Override
    public void run(ApplicationArguments args) {
        active.join();
    }

    /** Classifies a customer's message, in the given language or in the one detected when it is null. */
    public ReasonSuggestion classify(String message, String language) {
        return active.join().model().classify(message, language);
    }

    public List<ModelVersion> versions() {
        active.join(); // the shipped version is listed once it has been trained and scored
        return versions.all();
    }

    /**
     * Trains a candidate on the shipped set plus every labelled example, scores it on the held-out set and makes it
     * the active version only when it scores at least as well (macro-F1) as the active one. One at a time.
     */
    public synchronized Retraining retrain(String requestedBy) {
        ActiveModel current = active.join();
        List<LineReasons.Label> labels = lineReasons.labelsAfter(0);
        Long lastLabelId = labels.isEmpty() ? null : labels.get(labels.size() - 1).id();
        String version = MODEL + "-" + (versions.count(MODEL) + 1);
        List<LabelledMessage> training = trainingSet(labels);
        ReasonModel candidate = ReasonModel.train(version, training);
        ModelEvaluation evaluation = ModelEvaluation.of(candidate, heldOut);
        boolean better = ModelVersions.rounded(evaluation.macroF1()) >= ModelVersions.rounded(current.macroF1());
        OffsetDateTime now = OffsetDateTime.now(clock);
        versions.add(MODEL, version, better ? "ACTIVE" : "REJECTED", now, requestedBy, training.size(), lastLabelId,
                evaluation, better ? candidate.toBytes() : null);
        if (better) {
            active = CompletableFuture.completedFuture(new ActiveModel(blended(candidate), evaluation.macroF1()));
        }
        LOG.info("Reason model {} retrained by {} on {} messages ({} labelled examples): macro-F1 {} against {} of {}; {}",
                version, requestedBy, training.size(), labels.size(), evaluation.macroF1(), current.macroF1(),
                current.model().version(), better ? "now active" : "rejected");
        ModelVersion stored = versions.all().stream().filter(v -> v.model().equals(MODEL)
                && v.version().equals(version)).findFirst().orElseThrow();
        return new Retraining(stored, better, current.model().version(), ModelVersions.rounded(current.macroF1()));
    }

    /** The active version as stored, or the shipped one (scored and stored the first time). */
    private ActiveModel loadActive() {
        return versions.active(MODEL).map(stored -> {
            if (stored.trainedModel() != null) {
                return new ActiveModel(ReasonModel.fromBytes(stored.version(), stored.trainedModel()),
                        stored.macroF1());
            }
            if (stored.version().equals(SHIPPED_VERSION)) {
                return new ActiveModel(shipped(), stored.macroF1());
            }
            // A version retrained before models were kept: rebuilt from the same messages (training is deterministic).
            List<LineReasons.Label> labels = stored.lastLabelId() == null ? List.of()
                    : lineReasons.labelsUpTo(stored.lastLabelId());
            return new ActiveModel(ReasonModel.train(stored.version(), trainingSet(labels)), stored.macroF1());
        }).orElseGet(() -> {
            ReasonModel shipped = shipped();
            ModelEvaluation evaluation = ModelEvaluation.of(shipped, heldOut);
            versions.add(MODEL, SHIPPED_VERSION, "ACTIVE", OffsetDateTime.now(clock), ReturnService.SYSTEM_ACTOR,
                    ReasonDataSet.training().size(), null, evaluation, null);
            return new ActiveModel(shipped, evaluation.macroF1());
        });
    }

    /**
     * Loads the operator's embedding model and learns the reason codes' directions from the shipped training
     * messages (seconds: each message goes through the model once).
     */
    private EmbeddingReasonModel embeddingModel(ReasonClassificationSettings.EmbeddingModel setting) {
        long start = System.nanoTime();
        EmbeddingReasonModel model = EmbeddingReasonModel.train("onnx:" + setting.modelFile().getFileName(),
                EmbeddingReasonModel.load(setting.modelFile(), setting.tokenizerFile(), setting.pooling()),
                ReasonDataSet.training());
        embeddingWeight = setting.weight();
        LOG.info("Embedding model {} switched on (weight {}), ready in {} ms", setting.path(), setting.weight(),
                (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    /** The model with the operator's embedding model blended in, when it is switched on. */
    private ReasonModel blended(ReasonModel model) {
        EmbeddingReasonModel embeddingModel = embeddings;
        return embeddingModel == null ? model : model.withEmbeddings(embeddingModel, embeddingWeight);
    }

    /** The shipped model as the build trained it, or trained now when this build has none for its data and code. */
    private static ReasonModel shipped() {
        return ShippedReasonModel.load(SHIPPED_VERSION).orElseGet(() -> {
            LOG.warn("No shipped reason model built from this data and code ({}): training it now, which takes seconds;"
                    + " a Maven build (process-classes) writes it", ShippedReasonModel.RESOURCE);
            return ReasonModel.train(SHIPPED_VERSION, ReasonDataSet.training());
        });
    }

    private static List<LabelledMessage> trainingSet(List<LineReasons.Label> labels) {
        List<LabelledMessage> training = new ArrayList<>(ReasonDataSet.training());
        labels.forEach(label -> training.add(new LabelledMessage(ReasonCode.valueOf(label.reasonCode()),
                label.message(), label.language())));
        return training;
    }

    @PreDestroy
    void stopTraining() {
        trainer.shutdownNow();
    }
}
