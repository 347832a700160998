package org.openreturns.marketplaces;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openreturns.catalog.CatalogService;
import org.openreturns.channels.ChannelInbox;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.DeadLetters;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a marketplace's order and return reports (docs/marketplaces.md). The file is read as a stream: the rows of
 * one order (or return) are collected and handed to the {@link ChannelInbox} as one message, which takes it in a
 * transaction of its own or keeps it as a dead letter with the reason, and the report goes on with the next. Only one
 * order's rows are in memory at a time. A file whose header lacks a column of the format is refused before anything is
 * taken.
 */
@Service
class MarketplaceReports {

    /** The answer lists this many dead letters; the rest are counted, and listed by {@code GET /api/dead-letters}. */
    static final int LISTED_DEAD_LETTERS = 100;

    private final ReportFormats formats;
    private final ChannelInbox inbox;
    private final DeadLetters deadLetters;
    private final CatalogService catalog;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    MarketplaceReports(ReportFormats formats, ChannelInbox inbox, DeadLetters deadLetters, CatalogService catalog,
                       ObjectMapper json, PlatformTransactionManager transactionManager) {
        this.formats = formats;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.catalog = catalog;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A record of the report that was not taken: which order or return, its dead letter and why. */
    record NotTaken(String id, String messageId, long deadLetterId, String reason) {
    }

    /**
     * @param orders       orders in the report
     * @param taken        orders taken (new, or known already and unchanged)
     * @param shipped      of those, orders the report shows shipped units of
     * @param cancelled    of those, orders the report shows cancelled units of
     * @param deadLettered orders kept as dead letters
     * @param deadLetters  the first {@value #LISTED_DEAD_LETTERS} of them
     */
    record OrderReport(String channel, String reportId, int orders, int taken, int shipped, int cancelled,
                       int deadLettered, List<NotTaken> deadLetters) {
    }

    /**
     * @param returns      returns in the report the marketplace authorised
     * @param taken        returns made now or made before from the same marketplace return id
     * @param notAuthorised returns the report shows not authorised (pending, rejected): left out
     */
    record ReturnReport(String channel, String reportId, int returns, int taken, int notAuthorised,
                        int deadLettered, List<NotTaken> deadLetters) {
    }

    OrderReport importOrders(String channel, String reportId, String warehouse, InputStream file, String user) {
        ReportFormat format = formatOf(channel);
        if (catalog.warehouses().stream().noneMatch(known -> known.code().equals(warehouse))) {
            throw new RuleViolationException("warehouse", "is not a known warehouse");
        }
        int[] counts = new int[4];
        List<NotTaken> notTaken = new ArrayList<>();
        int deadLettered = read(format, file, format.orderColumns(), format.orderIdColumn(), row -> true,
                reportId, warehouse, user, ReportMessage.ORDER_REPORT, "order report", (rows, outcome) -> {
                    counts[0]++;
                    if (outcome.taken()) {
                        counts[1]++;
                        MarketplaceOrder order = format.order(rows);
                        counts[2] += order.anyShipped() ? 1 : 0;
                        counts[3] += order.anyCancelled() ? 1 : 0;
                    }
                }, notTaken);
        return new OrderReport(channel, reportId, counts[0], counts[1], counts[2], counts[3], deadLettered,
                notTaken);
    }

    ReturnReport importReturns(String channel, String reportId, InputStream file, String user) {
        ReportFormat format = formatOf(channel);
        int[] counts = new int[3];
        List<NotTaken> notTaken = new ArrayList<>();
        int deadLettered = read(format, file, format.returnColumns(), format.returnIdColumn(), row -> {
                    if (format.authorised(row)) {
                        return true;
                    }
                    counts[2]++;
                    return false;
                }, reportId, null, user, ReportMessage.RETURN_REPORT, "return report", (rows, outcome) -> {
                    counts[0]++;
                    counts[1] += outcome.taken() ? 1 : 0;
                }, notTaken);
        return new ReturnReport(channel, reportId, counts[0], counts[1], counts[2], deadLettered, notTaken);
    }

    private ReportFormat formatOf(String channel) {
        if (!catalog.channelCodes().contains(channel)) {
            throw new NotFoundException("code", "No sales channel " + channel + " is known");
        }
        return formats.of(channel).orElseThrow(() -> new RuleViolationException("code", "channel " + channel
                + " sends no marketplace reports; reports are read for " + formats.channels()));
    }

    /** What became of one group of rows. */
    private interface Taken {
        void accept(List<ReportRow> rows, ChannelInbox.Outcome outcome);
    }

    /**
     * Reads the report row by row, hands each group of consecutive rows with the same id to the inbox, and answers how
     * many groups became dead letters. Rows the {@code included} test leaves out are skipped (and not grouped).
     */
    private int read(ReportFormat format, InputStream file, List<String> columns, String idColumn,
                     Predicate<ReportRow> included, String reportId, String warehouse, String user,
                     String messageType, String kind, Taken taken, List<NotTaken> notTaken) {
        Reader reader = new InputStreamReader(file, StandardCharsets.UTF_8);
        CSVFormat.Builder csv = CSVFormat.DEFAULT.builder().setDelimiter(format.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true);
        if (format.delimiter() == '\t') {
            // Flat files do not quote: a product name may hold a quote character.
            csv.setQuote(null);
        }
        int[] deadLettered = {0};
        try (CSVParser parser = open(csv.build(), reader, format, kind)) {
            checkHeader(format, kind, columns, parser.getHeaderNames());
            List<String> header = parser.getHeaderNames();
            Iterator<CSVRecord> records = parser.iterator();
            List<ReportRow> group = new ArrayList<>();
            String groupId = null;
            long line = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    // The rest of the file cannot be read: what was read is taken, the rest waits as a dead letter.
                    flush(format, group, groupId, reportId, warehouse, user, messageType, taken, notTaken,
                            deadLettered);
                    group.clear();
                    keepUnreadable(format, reportId, messageType, line + 1, broken, notTaken, deadLettered);
                    return deadLettered[0];
                }
                line = record.getRecordNumber() + 1;
                ReportRow row = row(header, record, parser.getCurrentLineNumber());
                if (!included.test(row)) {
                    continue;
                }
                String id = row.text(idColumn);
                if (!group.isEmpty() && !id.equals(groupId)) {
                    flush(format, group, groupId, reportId, warehouse, user, messageType, taken, notTaken,
                            deadLettered);
                    group.clear();
                }
                groupId = id;
                group.add(row);
            }
            flush(format, group, groupId, reportId, warehouse, user, messageType, taken, notTaken, deadLettered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deadLettered[0];
    }

    private static CSVParser open(CSVFormat csv, Reader reader, ReportFormat format, String kind) throws IOException {
        try {
            return csv.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException badHeader) {
            throw new RuleViolationException("line 1", "is not the header of " + format.channel() + "'s " + kind
                    + ": " + badHeader.getMessage());
        }
    }

    /** The record's values by the header's columns; a record shorter than the header lacks the last ones. */
    private static ReportRow row(List<String> header, CSVRecord record, long lineInFile) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        return new ReportRow(lineInFile, values);
    }

    private void flush(ReportFormat format, List<ReportRow> group, String id, String reportId, String warehouse,
                       String user, String messageType, Taken taken, List<NotTaken> notTaken, int[] deadLettered) {
        if (group.isEmpty()) {
            return;
        }
        String groupId = id.isEmpty() ? "line-" + group.get(0).line() : id;
        ChannelMessage message = new ChannelMessage(format.channel(), messageType, reportId + "/" + groupId,
                payload(new ReportMessage(reportId, warehouse, user, List.copyOf(group))));
        ChannelInbox.Outcome outcome = inbox.take(message);
        if (!outcome.taken()) {
            deadLettered[0]++;
            if (notTaken.size() < LISTED_DEAD_LETTERS) {
                notTaken.add(new NotTaken(groupId, message.messageId(), outcome.deadLetterId(), outcome.reason()));
            }
        }
        taken.accept(group, outcome);
    }

    private void keepUnreadable(ReportFormat format, String reportId, String messageType, long fromLine,
                                RuntimeException broken, List<NotTaken> notTaken, int[] deadLettered) {
        String reason = "The report cannot be read from line " + fromLine + " on: " + broken.getMessage();
        ChannelMessage message = new ChannelMessage(format.channel(), messageType, reportId + "/line-" + fromLine,
                payload(new ReportMessage(reportId, null, null, List.of())));
        long id = transaction.execute(status -> deadLetters.record(message, reason));
        deadLettered[0]++;
        notTaken.add(new NotTaken("line-" + fromLine, message.messageId(), id, reason));
    }

    private static void checkHeader(ReportFormat format, String kind, List<String> columns, List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String column : columns) {
            if (!header.contains(column)) {
                problems.add(new FieldProblem("column " + column, "is missing from the header " + header + " of "
                        + format.channel() + "'s " + kind + ", which is " + separatedBy(format.delimiter())
                        + " with the columns " + columns));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
    }

    private static String separatedBy(char delimiter) {
        return delimiter == '\t' ? "tab-separated" : "separated by '" + delimiter + "'";
    }

    private String payload(ReportMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report record is always written as JSON", e);
        }
    }
}
