package org.openreturns.channels.settlement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openreturns.catalog.CatalogService;
import org.openreturns.channels.ChannelInbox;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Imports a marketplace's settlement report (CSV, docs/marketplaces.md "Settlement report"): each line goes through the
 * {@link ChannelInbox} on its own, as a {@code marketplace:settlement-line} message whose id is the settlement id and
 * the line id, so a bad line becomes a dead letter and does not stop the others, and importing the file again takes
 * nothing twice. Only a file that cannot be read as a report at all (its columns, broken CSV) is refused whole.
 */
@Service
class SettlementImport {

    static final List<String> REQUIRED_COLUMNS = List.of("lineId", "type", "amount", "currency", "bookedAt");
    static final Set<String> KNOWN_COLUMNS = Set.of("lineId", "type", "orderId", "orderLine", "sku", "amount",
            "currency", "bookedAt", "refundId", "reverses", "reversesSettlement", "description");

    private final CatalogService catalog;
    private final ChannelInbox inbox;
    private final ObjectMapper json;

    SettlementImport(CatalogService catalog, ChannelInbox inbox, ObjectMapper json) {
        this.catalog = catalog;
        this.inbox = inbox;
        this.json = json;
    }

    /** What became of one line that was not taken. */
    record DeadLettered(String lineId, long deadLetterId, String reason) {
    }

    record Imported(String channel, String settlementId, int lines, int taken, List<DeadLettered> deadLettered) {
    }

    Imported importCsv(String channel, String settlementId, InputStream csv, String importedBy) {
        if (!catalog.channelCodes().contains(channel)) {
            throw new NotFoundException("code", "No sales channel " + channel + " is known");
        }
        List<SettlementLine> lines = read(settlementId, csv, importedBy);
        int taken = 0;
        List<DeadLettered> deadLettered = new ArrayList<>();
        for (SettlementLine line : lines) {
            ChannelInbox.Outcome outcome = inbox.take(new ChannelMessage(channel, SettlementLine.MESSAGE_TYPE,
                    SettlementLine.messageId(settlementId, line.lineId()), write(line)));
            if (outcome.taken()) {
                taken++;
            } else {
                deadLettered.add(new DeadLettered(line.lineId(), outcome.deadLetterId(), outcome.reason()));
            }
        }
        return new Imported(channel, settlementId, lines.size(), taken, deadLettered);
    }

    /** All lines of the file, read before any is taken: a file that is not a report is refused whole. */
    private static List<SettlementLine> read(String settlementId, InputStream csv, String importedBy) {
        List<SettlementLine> lines = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> lineIds = new HashSet<>();
        Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build().parse(reader)) {
            List<String> columns = parser.getHeaderNames();
            for (String required : REQUIRED_COLUMNS) {
                if (!columns.contains(required)) {
                    problems.add(new FieldProblem("line 1", "has no column " + required + " (columns: "
                            + REQUIRED_COLUMNS + ", optional " + KNOWN_COLUMNS + ")"));
                }
            }
            columns.stream().filter(column -> !KNOWN_COLUMNS.contains(column)).forEach(unknown -> problems.add(
                    new FieldProblem("line 1", "column " + unknown + " is not one of " + KNOWN_COLUMNS)));
            if (!problems.isEmpty()) {
                throw new InvalidParameterException(problems);
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (hasNext(records, problems)) {
                CSVRecord record = records.next();
                String where = "line " + (record.getRecordNumber() + 1);
                String lineId = value(record, "lineId");
                if (lineId == null || lineId.isBlank() || lineId.length() > 100) {
                    problems.add(new FieldProblem(where + ", column lineId", "must be 1 to 100 characters: it "
                            + "names the line for good"));
                } else if (!lineIds.add(lineId.strip())) {
                    problems.add(new FieldProblem(where + ", column lineId", "line id " + lineId
                            + " appears twice in the file"));
                } else if (lineId.indexOf('\0') >= 0 || record.values().length > KNOWN_COLUMNS.size()) {
                    problems.add(new FieldProblem(where, "has a NUL character or more values than columns"));
                } else {
                    lines.add(new SettlementLine(settlementId, lineId.strip(), value(record, "type"),
                            value(record, "orderId"), value(record, "orderLine"), value(record, "sku"),
                            value(record, "amount"), value(record, "currency"), value(record, "bookedAt"),
                            value(record, "refundId"), value(record, "reverses"),
                            value(record, "reversesSettlement"), value(record, "description"), importedBy));
                }
                if (problems.size() >= 50) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add(new FieldProblem("line 2", "the file has no lines"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return lines;
    }

    private static boolean hasNext(Iterator<CSVRecord> records, List<FieldProblem> problems) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException broken) {
            problems.add(new FieldProblem("body", "is not valid CSV: " + broken.getMessage()));
            return false;
        }
    }

    /** The record's value of the column, without NUL characters (PostgreSQL cannot store them), or null. */
    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        return record.get(column).replace("\0", "");
    }

    private String write(SettlementLine line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A settlement line of texts is always JSON", impossible);
        }
    }
}
