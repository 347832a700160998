package org.openreturns.returns;

import static org.openreturns.db.Tables.REASON_LABEL;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_LINE_REASON;
import static org.openreturns.db.Tables.RETURN_REQUEST;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.openreturns.db.tables.records.ReturnLineReasonRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reason codes of return lines as the classifier suggested them and as people set or confirmed them: the
 * suggestion per line, support's choice in the review, the inspector's finding, and the labelled examples these
 * leave for retraining. A customer's own code is never overwritten; a disagreement is written on the timeline.
 */
@Service
public class LineReasons {

    /** The timeline entries this writes. */
    public static final String EVENT_APPLIED = "REASON_SUGGESTED";
    public static final String EVENT_REVIEW_NEEDED = "REASON_UNCLEAR";
    public static final String EVENT_DISAGREES = "REASON_DISAGREEMENT";
    public static final String EVENT_REVIEWED = "REASON_CHOSEN";
    public static final String EVENT_INSPECTED = "REASON_INSPECTED";

    private static final TypeReference<List<LineReason.RankedCode>> RANKED = new TypeReference<>() {
    };

    private final DSLContext db;
    private final ReturnRepository returns;
    private final ObjectMapper json;
    private final Clock clock;

    LineReasons(DSLContext db, ReturnRepository returns, ObjectMapper json, Clock clock) {
        this.db = db;
        this.returns = returns;
        this.json = json;
        this.clock = clock;
    }

    /** A labelled example for retraining: a message and the code a person gave or confirmed for it. */
    public record Label(long id, String message, String language, String reasonCode, String labelledBy,
                        OffsetDateTime labelledAt) {
    }

    /** The customer's message; empty when they wrote none. */
    @Transactional(readOnly = true)
    public Optional<String> customerMessage(UUID returnId) {
        return db.select(RETURN_REQUEST.CUSTOMER_MESSAGE).from(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(returnId))
                .fetchOptional(RETURN_REQUEST.CUSTOMER_MESSAGE).filter(message -> !message.isBlank());
    }

    @Transactional(readOnly = true)
    public List<LineReason> of(UUID returnId) {
        return db.selectFrom(RETURN_LINE_REASON).where(RETURN_LINE_REASON.RETURN_ID.eq(returnId))
                .orderBy(RETURN_LINE_REASON.LINE_NO).fetch(this::view);
    }

    /**
     * Records the classifier's suggestion for a line, once: a repeated step finds the line classified and changes
     * nothing. A line without a code takes a confident suggestion; a confident suggestion that differs from the
     * customer's code goes on the timeline.
     */
    @Transactional
    public LineReason suggest(UUID returnId, int lineNo, String suggestedCode, double confidence,
                              List<LineReason.RankedCode> alternatives, String language, String modelVersion,
                              boolean confident) {
        Optional<LineReason> recorded = find(returnId, lineNo);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        String customerCode = db.select(RETURN_LINE.REASON_CODE).from(RETURN_LINE)
                .where(RETURN_LINE.RETURN_ID.eq(returnId).and(RETURN_LINE.LINE_NO.eq(lineNo)))
                .fetchSingle(RETURN_LINE.REASON_CODE);
        LineReason.Outcome outcome;
        if (customerCode == null) {
            outcome = confident ? LineReason.Outcome.APPLIED : LineReason.Outcome.REVIEW_NEEDED;
        } else if (customerCode.equals(suggestedCode)) {
            outcome = LineReason.Outcome.AGREES;
        } else {
            outcome = confident ? LineReason.Outcome.DISAGREES : LineReason.Outcome.UNSURE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(RETURN_LINE_REASON)
                .set(RETURN_LINE_REASON.RETURN_ID, returnId)
                .set(RETURN_LINE_REASON.LINE_NO, lineNo)
                .set(RETURN_LINE_REASON.CUSTOMER_CODE, customerCode)
                .set(RETURN_LINE_REASON.SUGGESTED_CODE, suggestedCode)
                .set(RETURN_LINE_REASON.CONFIDENCE, rounded(confidence))
                .set(RETURN_LINE_REASON.ALTERNATIVES, JSONB.valueOf(write(alternatives)))
                .set(RETURN_LINE_REASON.LANGUAGE, language)
                .set(RETURN_LINE_REASON.MODEL_VERSION, modelVersion)
                .set(RETURN_LINE_REASON.OUTCOME, outcome.name())
                .set(RETURN_LINE_REASON.CLASSIFIED_AT, now)
                .execute();
        String suggestion = suggestedCode + " (" + percent(confidence) + ", model " + modelVersion + ")";
        switch (outcome) {
            case APPLIED -> {
                setLineCode(returnId, lineNo, suggestedCode);
                note(returnId, ReturnService.SYSTEM_ACTOR, EVENT_APPLIED,
                        "Line " + lineNo + ": reason " + suggestion + " taken from the customer's message");
            }
            case REVIEW_NEEDED -> note(returnId, ReturnService.SYSTEM_ACTOR, EVENT_REVIEW_NEEDED,
                    "Line " + lineNo + ": the customer's message does not make the reason clear (best guess "
                            + suggestion + "); support chooses it in the review");
            case DISAGREES -> note(returnId, ReturnService.SYSTEM_ACTOR, EVENT_DISAGREES,
                    "Line " + lineNo + ": the customer chose " + customerCode + " but the message reads as "
                            + suggestion + "; the customer's code stays");
            default -> {
                // Agreement, or an unsure suggestion against the customer's code: nothing to tell anyone.
            }
        }
        return find(returnId, lineNo).orElseThrow();
    }

    /** Whether a line of the return still waits for support to choose its reason. */
    @Transactional(readOnly = true)
    public boolean reviewNeeded(UUID returnId) {
        return db.fetchExists(RETURN_LINE_REASON, RETURN_LINE_REASON.RETURN_ID.eq(returnId)
                .and(RETURN_LINE_REASON.OUTCOME.eq(LineReason.Outcome.REVIEW_NEEDED.name())));
    }

    /**
     * Support's choice in the review becomes the code of every line that waited for it, and a labelled example.
     * Repeating it changes nothing: the lines no longer wait. No choice (a review not about the reason) changes
     * nothing either; the review's completion check made sure a review about the reason has one of the codes.
     */
    @Transactional
    public void chooseInReview(UUID returnId, String reasonCode, String reviewedBy) {
        if (reasonCode == null || reasonCode.isBlank() || reviewedBy == null) {
            return;
        }
        ReasonCode.valueOf(reasonCode);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ReturnLineReasonRecord> waiting = db.selectFrom(RETURN_LINE_REASON)
                .where(RETURN_LINE_REASON.RETURN_ID.eq(returnId)
                        .and(RETURN_LINE_REASON.OUTCOME.eq(LineReason.Outcome.REVIEW_NEEDED.name())))
                .orderBy(RETURN_LINE_REASON.LINE_NO).fetch();
        for (ReturnLineReasonRecord line : waiting) {
            db.update(RETURN_LINE_REASON)
                    .set(RETURN_LINE_REASON.OUTCOME, LineReason.Outcome.REVIEWED.name())
                    .set(RETURN_LINE_REASON.REVIEWED_CODE, reasonCode)
                    .set(RETURN_LINE_REASON.REVIEWED_BY, reviewedBy)
                    .set(RETURN_LINE_REASON.REVIEWED_AT, now)
                    .where(RETURN_LINE_REASON.RETURN_ID.eq(returnId)
                            .and(RETURN_LINE_REASON.LINE_NO.eq(line.getLineNo())))
                    .execute();
            setLineCode(returnId, line.getLineNo(), reasonCode);
            label(returnId, line.getLineNo(), "REVIEW", line.getLanguage(), reasonCode, reviewedBy, now);
            note(returnId, reviewedBy, EVENT_REVIEWED, "Line " + line.getLineNo() + ": reason "
                    + reasonCode + " chosen in the review (suggested " + line.getSuggestedCode() + ")");
        }
    }

    /**
     * The inspector's "reason confirmed" finding, recorded against the customer's code and against the suggestion;
     * a confirmed code becomes a labelled example. Lines never classified (no customer message) are left alone.
     */
    @Transactional
    public void inspected(UUID returnId, int lineNo, boolean reasonConfirmed, String inspector) {
        Optional<ReturnLineReasonRecord> found = db.selectFrom(RETURN_LINE_REASON)
                .where(RETURN_LINE_REASON.RETURN_ID.eq(returnId).and(RETURN_LINE_REASON.LINE_NO.eq(lineNo)))
                .fetchOptional();
        if (found.isEmpty()) {
            return;
        }
        ReturnLineReasonRecord line = found.get();
        String lineCode = db.select(RETURN_LINE.REASON_CODE).from(RETURN_LINE)
                .where(RETURN_LINE.RETURN_ID.eq(returnId).and(RETURN_LINE.LINE_NO.eq(lineNo)))
                .fetchSingle(RETURN_LINE.REASON_CODE);
        Boolean confirmsCustomer = line.getCustomerCode() == null ? null : reasonConfirmed;
        // The inspector judges the line's code: that confirms or refutes the suggestion only when it is the
        // suggestion, or when a confirmed code is another one.
        Boolean confirmsSuggestion = line.getSuggestedCode().equals(lineCode) ? Boolean.valueOf(reasonConfirmed)
                : reasonConfirmed && lineCode != null ? Boolean.FALSE : null;
        boolean changed = db.update(RETURN_LINE_REASON)
                .set(RETURN_LINE_REASON.INSPECTION_CONFIRMS_CUSTOMER_CODE, confirmsCustomer)
                .set(RETURN_LINE_REASON.INSPECTION_CONFIRMS_SUGGESTION, confirmsSuggestion)
                .where(RETURN_LINE_REASON.RETURN_ID.eq(returnId).and(RETURN_LINE_REASON.LINE_NO.eq(lineNo))
                        .and(RETURN_LINE_REASON.INSPECTION_CONFIRMS_CUSTOMER_CODE.isDistinctFrom(confirmsCustomer)
                                .or(RETURN_LINE_REASON.INSPECTION_CONFIRMS_SUGGESTION
                                        .isDistinctFrom(confirmsSuggestion))))
                .execute() > 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (reasonConfirmed && lineCode != null) {
            label(returnId, lineNo, "INSPECTION", line.getLanguage(), lineCode, inspector, now);
        }
        if (changed) {
            note(returnId, inspector, EVENT_INSPECTED, "Line " + lineNo + ": inspection "
                    + (reasonConfirmed ? "confirms" : "does not confirm") + " reason " + lineCode
                    + (line.getCustomerCode() == null ? "" : "; customer's code " + line.getCustomerCode()
                    + (reasonConfirmed ? " confirmed" : " not confirmed"))
                    + "; suggestion " + line.getSuggestedCode() + (confirmsSuggestion == null ? " not judged"
                    : confirmsSuggestion ? " confirmed" : " not confirmed"));
        }
    }

    /** The labelled examples with an id above {@code afterId}, oldest first. */
    @Transactional(readOnly = true)
    public List<Label> labelsAfter(long afterId) {
        return db.selectFrom(REASON_LABEL).where(REASON_LABEL.ID.gt(afterId)).orderBy(REASON_LABEL.ID)
                .fetch(row -> new Label(row.getId(), row.getMessage(), row.getLanguage(), row.getReasonCode(),
                        row.getLabelledBy(), row.getLabelledAt()));
    }

    /** The labelled examples up to and including {@code lastId}, oldest first. */
    @Transactional(readOnly = true)
    public List<Label> labelsUpTo(long lastId) {
        return db.selectFrom(REASON_LABEL).where(REASON_LABEL.ID.le(lastId)).orderBy(REASON_LABEL.ID)
                .fetch(row -> new Label(row.getId(), row.getMessage(), row.getLanguage(), row.getReasonCode(),
                        row.getLabelledBy(), row.getLabelledAt()));
    }

    private void label(UUID returnId, int lineNo, String source, String language, String reasonCode,
                       String labelledBy, OffsetDateTime at) {
        String message = customerMessage(returnId).orElseThrow();
        db.insertInto(REASON_LABEL)
                .set(REASON_LABEL.RETURN_ID, returnId)
                .set(REASON_LABEL.LINE_NO, lineNo)
                .set(REASON_LABEL.SOURCE, source)
                .set(REASON_LABEL.MESSAGE, message)
                .set(REASON_LABEL.LANGUAGE, language)
                .set(REASON_LABEL.REASON_CODE, reasonCode)
                .set(REASON_LABEL.LABELLED_BY, labelledBy)
                .set(REASON_LABEL.LABELLED_AT, at)
                .onConflictDoNothing()
                .execute();
    }

    private void note(UUID returnId, String actor, String type, String detail) {
        returns.insertEvent(returnId, OffsetDateTime.now(clock), actor, type, null, null, detail);
    }

    private void setLineCode(UUID returnId, int lineNo, String reasonCode) {
        db.update(RETURN_LINE).set(RETURN_LINE.REASON_CODE, reasonCode)
                .where(RETURN_LINE.RETURN_ID.eq(returnId).and(RETURN_LINE.LINE_NO.eq(lineNo))
                        .and(RETURN_LINE.REASON_CODE.isNull()))
                .execute();
    }

    private Optional<LineReason> find(UUID returnId, int lineNo) {
        return db.selectFrom(RETURN_LINE_REASON)
                .where(RETURN_LINE_REASON.RETURN_ID.eq(returnId).and(RETURN_LINE_REASON.LINE_NO.eq(lineNo)))
                .fetchOptional(this::view);
    }

    private LineReason view(ReturnLineReasonRecord row) {
        return new LineReason(row.getLineNo(), row.getCustomerCode(), row.getSuggestedCode(),
                row.getConfidence().doubleValue(), read(row.getAlternatives()), row.getLanguage(),
                row.getModelVersion(), LineReason.Outcome.valueOf(row.getOutcome()), row.getClassifiedAt(),
                row.getReviewedCode(), row.getReviewedBy(), row.getInspectionConfirmsCustomerCode(),
                row.getInspectionConfirmsSuggestion());
    }

    private static BigDecimal rounded(double confidence) {
        return BigDecimal.valueOf(confidence).setScale(4, RoundingMode.HALF_UP);
    }

    private static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }

    private String write(List<LineReason.RankedCode> alternatives) {
        try {
            return json.writeValueAsString(alternatives);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LineReason.RankedCode> read(JSONB alternatives) {
        try {
            return json.readValue(alternatives.data(), RANKED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
