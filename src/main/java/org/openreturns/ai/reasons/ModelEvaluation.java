package org.openreturns.ai.reasons;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openreturns.returns.ReasonCode;

/**
 * How well a model classifies labelled messages it was not trained on: macro-F1 (the mean over the ten codes of
 * the harmonic mean of precision and recall, so a rare code counts as much as a common one), accuracy, the
 * macro-F1 of each language and the confusion matrix (rows: the true code, columns: the predicted one).
 */
public record ModelEvaluation(double macroF1, double accuracy, Map<String, Double> macroF1ByLanguage,
                              int[][] confusion, int messages) {

    public static ModelEvaluation of(ReasonModel model, List<LabelledMessage> heldOut) {
        ReasonCode[] codes = ReasonCode.values();
        int[][] confusion = new int[codes.length][codes.length];
        Map<String, int[][]> byLanguage = new LinkedHashMap<>();
        for (LabelledMessage message : heldOut) {
            // Scored as in production: the model detects the language itself.
            ReasonCode predicted = model.classify(message.message(), null).reasonCode();
            int truth = message.reasonCode().ordinal();
            confusion[truth][predicted.ordinal()]++;
            byLanguage.computeIfAbsent(message.language(), language -> new int[codes.length][codes.length])
                    [truth][predicted.ordinal()]++;
        }
        Map<String, Double> f1ByLanguage = new LinkedHashMap<>();
        byLanguage.forEach((language, matrix) -> f1ByLanguage.put(language, macroF1(matrix)));
        int correct = 0;
        for (int i = 0; i < codes.length; i++) {
            correct += confusion[i][i];
        }
        return new ModelEvaluation(macroF1(confusion), heldOut.isEmpty() ? 0 : (double) correct / heldOut.size(),
                f1ByLanguage, confusion, heldOut.size());
    }

    /** The mean F1 over the codes that occur in the truth or the predictions. */
    static double macroF1(int[][] confusion) {
        double sum = 0;
        int counted = 0;
        for (int code = 0; code < confusion.length; code++) {
            int truePositives = confusion[code][code];
            int actual = Arrays.stream(confusion[code]).sum();
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[code];
            }
            if (actual == 0 && predicted == 0) {
                continue;
            }
            sum += actual + predicted == 0 ? 0 : 2.0 * truePositives / (actual + predicted);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** The confusion matrix as a table to print: one row per true code, one column per predicted code. */
    public String confusionTable() {
        ReasonCode[] codes = ReasonCode.values();
        StringBuilder table = new StringBuilder(String.format("%-24s", "true \\ predicted"));
        for (int i = 0; i < codes.length; i++) {
            table.append(String.format("%5d", i + 1));
        }
        table.append('\n');
        for (int i = 0; i < codes.length; i++) {
            table.append(String.format("%-24s", (i + 1) + " " + codes[i]));
            for (int j = 0; j < codes.length; j++) {
                table.append(String.format("%5d", confusion[i][j]));
            }
            table.append('\n');
        }
        return table.toString();
    }
}
