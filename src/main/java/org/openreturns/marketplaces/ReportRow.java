package org.openreturns.marketplaces;

import java.util.Map;

import org.openreturns.channels.MessageRejectedException;

/**
 * One row of a marketplace report as it arrived: its line in the file (the header is line 1) and its values by column.
 * This is what a dead letter keeps, so a replay reads the row exactly as the report had it.
 */
public record ReportRow(long line, Map<String, String> values) {

    /** The value of the column, trimmed; empty when the row has none. */
    String text(String column) {
        String value = values.get(column);
        return value == null ? "" : value.trim();
    }

    /** The value of the column, refused when it is empty. */
    String required(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw problem(column, "is empty");
        }
        return value;
    }

    /** A refusal naming this row's line and the column. */
    MessageRejectedException problem(String column, String problem) {
        return new MessageRejectedException("line " + line + ", column " + column + ": " + problem);
    }
}
