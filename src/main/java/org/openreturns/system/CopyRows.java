package org.openreturns.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.jooq.DSLContext;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (text format), for the ledgers' bulk writes. COPY is the
 * cheapest way into a table: no statement to plan, no arrays to build and take apart, and the heap takes the
 * rows in batches. Constraints, indexes and triggers apply to each row as with {@code INSERT}, including
 * statement triggers with transition tables. Values are written with {@code toString()}; null is SQL NULL.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    /** Appends one row, its values in the order of the columns given to {@link #copyInto}. */
    public CopyRows add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /**
     * Copies the rows into the table, in the transaction of the connection {@code db} works with.
     *
     * @return the number of rows copied
     */
    public long copyInto(DSLContext db, String table, String... columns) {
        if (rows == 0) {
            return 0;
        }
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        return db.connectionResult(connection -> connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(sql, new ByteArrayInputStream(data)));
    }

    private void append(Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        if (value instanceof Number) {
            text.append(value);
            return;
        }
        String string = value.toString();
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
