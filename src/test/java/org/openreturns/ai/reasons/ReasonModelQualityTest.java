package org.openreturns.ai.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The model-quality test: a model trained on the shipped training set only, scored on the held-out set (different
 * wording, never trained on). Its printed figures are those of docs/benchmarks.md.
 */
class ReasonModelQualityTest {

    @Test
    void classifiesHeldOutMessagesWithAMacroF1OfAtLeast080() {
        List<LabelledMessage> training = ReasonDataSet.training();
        List<LabelledMessage> heldOut = ReasonDataSet.heldOut();
        assertThat(heldOut).as("held-out messages").isNotEmpty();
        assertThat(heldOut).as("no held-out message is in the training set")
                .noneMatch(message -> training.stream().anyMatch(t -> t.message().equalsIgnoreCase(message.message())));

        long start = System.nanoTime();
        ReasonModel model = ReasonModel.train("quality-test", training);
        long trainingMillis = (System.nanoTime() - start) / 1_000_000;
        ModelEvaluation evaluation = ModelEvaluation.of(model, heldOut);

        System.out.printf("Reason model trained on %d messages in %d ms, scored on %d held-out messages%n",
                training.size(), trainingMillis, evaluation.messages());
        System.out.printf("macro-F1 %.3f, accuracy %.3f%n", evaluation.macroF1(), evaluation.accuracy());
        evaluation.macroF1ByLanguage().forEach((language, f1) ->
                System.out.printf("  %s: macro-F1 %.3f%n", language, f1));
        System.out.println(evaluation.confusionTable());

        assertThat(evaluation.macroF1()).as("macro-F1 on the held-out set").isGreaterThanOrEqualTo(0.80);
    }
}
