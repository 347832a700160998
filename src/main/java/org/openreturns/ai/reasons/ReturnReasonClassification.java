package org.openreturns.ai.reasons;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openreturns.returns.LineReason;
import org.openreturns.returns.LineReasons;
import org.openreturns.returns.ReasonCode;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.springframework.stereotype.Service;

/**
 * The reason classification step of a return: every line gets the suggestion for the customer's message (one
 * message per return), and what the review form shows when a line waits for support to choose.
 */
@Service
class ReturnReasonClassification {

    private final ReasonClassifier classifier;
    private final LineReasons lineReasons;
    private final ReturnService returns;
    private final ReasonClassificationSettings settings;

    ReturnReasonClassification(ReasonClassifier classifier, LineReasons lineReasons, ReturnService returns,
                               ReasonClassificationSettings settings) {
        this.classifier = classifier;
        this.lineReasons = lineReasons;
        this.returns = returns;
        this.settings = settings;
    }

    /**
     * What the review needs to know; {@code choices} and {@code explanation} are empty when nobody must choose.
     * {@code message} is the customer's message, empty when there is none.
     */
    record Outcome(boolean reviewNeeded, String choices, String explanation, String message) {
    }

    /**
     * Classifies the customer's message and records the suggestion on each line not classified yet (a repeated step
     * keeps the first suggestion, so it answers the same even after a retraining).
     */
    Outcome classify(UUID returnId) {
        Optional<String> message = lineReasons.customerMessage(returnId);
        if (message.isPresent()) {
            ReasonSuggestion suggestion = classifier.classify(message.get(), null);
            boolean confident = suggestion.confidence() >= settings.confidenceThreshold();
            List<LineReason.RankedCode> ranked = suggestion.alternatives().stream()
                    .map(a -> new LineReason.RankedCode(a.reasonCode().name(), a.confidence())).toList();
            for (ReturnLineView line : returns.lines(returnId)) {
                lineReasons.suggest(returnId, line.lineNo(), suggestion.reasonCode().name(), suggestion.confidence(),
                        ranked, suggestion.language(), suggestion.modelVersion(), confident);
            }
        }
        return reviewOutcome(returnId, message.orElse(""));
    }

    private Outcome reviewOutcome(UUID returnId, String message) {
        Optional<LineReason> waiting = lineReasons.of(returnId).stream()
                .filter(line -> line.outcome() == LineReason.Outcome.REVIEW_NEEDED).findFirst();
        if (waiting.isEmpty()) {
            return new Outcome(false, "", "", message);
        }
        List<LineReason.RankedCode> suggested = waiting.get().alternatives();
        List<String> suggestedCodes = suggested.stream().map(LineReason.RankedCode::reasonCode).toList();
        // The three suggestions first, with how likely each is; then every other code, for when none fits.
        String choices = Stream.concat(
                suggested.stream().map(s -> s.reasonCode() + " · " + words(s.reasonCode()) + " (suggested, "
                        + percent(s.confidence()) + ")"),
                Stream.of(ReasonCode.values()).map(ReasonCode::name).filter(code -> !suggestedCodes.contains(code))
                        .map(code -> code + " · " + words(code)))
                .collect(Collectors.joining("\n"));
        String explanation = "The customer's message does not make the reason clear enough to set it alone. Most "
                + "likely: " + suggested.stream().map(s -> words(s.reasonCode()) + " " + percent(s.confidence()))
                .collect(Collectors.joining(", ")) + ". Choose the reason the message gives.";
        return new Outcome(true, choices, explanation, message);
    }

    private static String words(String code) {
        return ReasonWords.of(ReasonCode.valueOf(code));
    }

    private static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }
}
