package org.openreturns.ai.reasons;

import static org.openreturns.db.Tables.AI_MODEL_VERSION;
import static org.openreturns.db.Tables.REASON_LABEL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored versions of the AI models with their held-out scores (table {@code ai_model_version}). */
@Repository
class ModelVersions {

    private static final TypeReference<Map<String, Double>> BY_LANGUAGE = new TypeReference<>() {
    };

    private final DSLContext db;
    private final ObjectMapper json;

    ModelVersions(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * The active version of a model, the last labelled example it was trained on (null: none) and the model as
     * trained (null: not kept, see {@link #add}).
     */
    record Active(String version, Long lastLabelId, double macroF1, byte[] trainedModel) {
    }

    Optional<Active> active(String model) {
        return db.select(AI_MODEL_VERSION.VERSION, AI_MODEL_VERSION.LAST_LABEL_ID, AI_MODEL_VERSION.MACRO_F1,
                        AI_MODEL_VERSION.TRAINED_MODEL)
                .from(AI_MODEL_VERSION)
                .where(AI_MODEL_VERSION.MODEL.eq(model).and(AI_MODEL_VERSION.STATUS.eq("ACTIVE")))
                .fetchOptional(row -> new Active(row.value1(), row.value2(), row.value3().doubleValue(), row.value4()));
    }

    List<ModelVersion> all() {
        return db.select(AI_MODEL_VERSION.asterisk(), labelCount())
                .from(AI_MODEL_VERSION)
                .orderBy(AI_MODEL_VERSION.MODEL, AI_MODEL_VERSION.TRAINED_AT)
                .fetch(this::view);
    }

    int count(String model) {
        return db.fetchCount(AI_MODEL_VERSION, AI_MODEL_VERSION.MODEL.eq(model));
    }

    /**
     * Adds a version; an ACTIVE one retires the version that was active. {@code trainedModel} is the model as trained,
     * kept so that a restart loads it; null when there is no need (the shipped version comes with the application, a
     * rejected candidate is never used).
     */
    @Transactional
    void add(String model, String version, String status, OffsetDateTime trainedAt, String trainedBy,
             int trainingMessages, Long lastLabelId, ModelEvaluation evaluation, byte[] trainedModel) {
        if (status.equals("ACTIVE")) {
            db.update(AI_MODEL_VERSION).set(AI_MODEL_VERSION.STATUS, "RETIRED")
                    .where(AI_MODEL_VERSION.MODEL.eq(model).and(AI_MODEL_VERSION.STATUS.eq("ACTIVE")))
                    .execute();
        }
        db.insertInto(AI_MODEL_VERSION)
                .set(AI_MODEL_VERSION.MODEL, model)
                .set(AI_MODEL_VERSION.VERSION, version)
                .set(AI_MODEL_VERSION.STATUS, status)
                .set(AI_MODEL_VERSION.TRAINED_AT, trainedAt)
                .set(AI_MODEL_VERSION.TRAINED_BY, trainedBy)
                .set(AI_MODEL_VERSION.TRAINING_MESSAGES, trainingMessages)
                .set(AI_MODEL_VERSION.LAST_LABEL_ID, lastLabelId)
                .set(AI_MODEL_VERSION.MACRO_F1, score(evaluation.macroF1()))
                .set(AI_MODEL_VERSION.ACCURACY, score(evaluation.accuracy()))
                .set(AI_MODEL_VERSION.MACRO_F1_BY_LANGUAGE, JSONB.valueOf(write(evaluation.macroF1ByLanguage())))
                .set(AI_MODEL_VERSION.TRAINED_MODEL, trainedModel)
                .onConflictDoNothing()
                .execute();
    }

    /** Scores are kept to four decimals; a candidate is compared with the active version at that precision. */
    static double rounded(double score) {
        return score(score).doubleValue();
    }

    private static BigDecimal score(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static org.jooq.Field<Integer> labelCount() {
        return DSL.field(DSL.selectCount().from(REASON_LABEL)
                .where(REASON_LABEL.ID.le(AI_MODEL_VERSION.LAST_LABEL_ID))).as("labelled_examples");
    }

    private ModelVersion view(Record row) {
        return new ModelVersion(row.get(AI_MODEL_VERSION.MODEL), row.get(AI_MODEL_VERSION.VERSION),
                row.get(AI_MODEL_VERSION.STATUS), row.get(AI_MODEL_VERSION.TRAINED_AT),
                row.get(AI_MODEL_VERSION.TRAINED_BY), row.get(AI_MODEL_VERSION.TRAINING_MESSAGES),
                row.get("labelled_examples", Integer.class), row.get(AI_MODEL_VERSION.MACRO_F1).doubleValue(),
                row.get(AI_MODEL_VERSION.ACCURACY).doubleValue(), read(row.get(AI_MODEL_VERSION.MACRO_F1_BY_LANGUAGE)));
    }

    private String write(Map<String, Double> byLanguage) {
        try {
            return json.writeValueAsString(byLanguage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Double> read(JSONB byLanguage) {
        try {
            return json.readValue(byLanguage.data(), BY_LANGUAGE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
