package org.openreturns.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One return line's result of a decision table that the model evaluated per line: a business rule task runs once for
 * each entry of the inputs a step prepared and collects the outputs in the same order, so the line number comes from
 * the input entry at the same position.
 */
public record LineResult(int lineNo, Map<String, Object> outputs) {

    /** The entry of every prepared input that names the line it is for. */
    public static final String LINE_NO = "lineNo";

    /** Pairs the prepared inputs with the collected results, position by position. */
    public static List<LineResult> pair(String decisionId, List<Map<String, Object>> inputs,
                                        List<Map<String, Object>> results) {
        if (inputs.size() != results.size()) {
            throw new IllegalStateException("Decision " + decisionId + " gave " + results.size() + " results for "
                    + inputs.size() + " lines");
        }
        List<LineResult> paired = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!(inputs.get(i).get(LINE_NO) instanceof Number lineNo)) {
                throw new IllegalStateException("Input " + i + " of decision " + decisionId + " names no " + LINE_NO
                        + ": " + inputs.get(i));
            }
            if (results.get(i) == null) {
                throw new IllegalStateException("Decision " + decisionId + " gave no result for return line "
                        + lineNo + " (inputs " + inputs.get(i) + "); it must give one");
            }
            paired.add(new LineResult(lineNo.intValue(), results.get(i)));
        }
        return paired;
    }

    /** A text output; fails naming the output when the table gave none. */
    public String output(String name) {
        if (!(outputs.get(name) instanceof String text)) {
            throw new IllegalStateException("Return line " + lineNo + " has no text output '" + name + "' but "
                    + outputs);
        }
        return text;
    }

    /** A number output, or null when the table left it empty. */
    public Number number(String name) {
        return (Number) outputs.get(name);
    }
}
