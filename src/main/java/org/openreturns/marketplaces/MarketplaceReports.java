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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.orders.OrderBatches;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a marketplace's order and return reports (docs/marketplaces.md). The file is read as a stream: the rows of
 * one order (or return) are collected and handed to the {@link ChannelInbox} as one message, which takes it in a
 * transaction of its own or keeps it as a dead letter with the reason, and the report goes on with the next. New
 * orders that every rule lets through are taken a chunk at a time instead (see {@link OrderChunks}); at most one chunk
 * of orders is in memory. A file whose header lacks a column of the format is refused before anything is taken.
 */
@Service
class MarketplaceReports {

    /** The answer lists this many dead letters; the rest are counted, and listed by {@code GET /api/dead-letters}. */
    static final int LISTED_DEAD_LETTERS = 100;
    private static final Logger log = LoggerFactory.getLogger(MarketplaceReports.class);

    private final ReportFormats formats;
    private final OrderBatches orderBatches;
    private final ChannelInbox inbox;
    private final DeadLetters deadLetters;
    private final CatalogService catalog;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    /** New orders taken together in one transaction: enough to make the statements and the ledger batch pay. */
    private final int chunkSize;

    MarketplaceReports(ReportFormats formats, OrderBatches orderBatches, ChannelInbox inbox, DeadLetters deadLetters, CatalogService catalog,
                       ObjectMapper json, PlatformTransactionManager transactionManager,
                       @Value("${returns.marketplaces.chunk-size:500}") int chunkSize) {
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("returns.marketplaces.chunk-size must be from 1 to 10000, not "
                    + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.formats = formats;
        this.orderBatches = orderBatches;
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
        OrderChunks chunks = new OrderChunks(format, reportId, warehouse, user);
        read(format, file, format.orderColumns(), format.orderIdColumn(), row -> true, reportId,
                ReportMessage.ORDER_REPORT, "order report", chunks::add, chunks.notTaken, chunks.deadLettered);
        chunks.takeChunk();
        return new OrderReport(channel, reportId, chunks.orders, chunks.taken, chunks.shipped, chunks.cancelled,
                chunks.deadLettered[0], chunks.notTaken);
    }

    /**
     * The orders of a report, taken a chunk at a time: the new ones that every rule lets through go into the product
     * together ({@link OrderBatches}, one transaction per chunk), the others one by one through the inbox, where
     * known orders are compared with what is stored and refusals become dead letters. A chunk the batch refuses as a
     * whole (a SKU the stock does not cover, an order that arrived meanwhile) is taken one by one too, so every
     * refusal is the inbox's, about its own order.
     */
    private final class OrderChunks {

        private final ReportFormat format;
        private final String reportId;
        private final String warehouse;
        private final String user;
        /** Products looked up once per import; the catalogue never deletes one. */
        private final Map<String, Optional<String>> refusalBySku = new HashMap<>();
        private final List<List<ReportRow>> chunk = new ArrayList<>();
        final List<NotTaken> notTaken = new ArrayList<>();
        final int[] deadLettered = {0};
        int orders;
        int taken;
        int shipped;
        int cancelled;

        OrderChunks(ReportFormat format, String reportId, String warehouse, String user) {
            this.format = format;
            this.reportId = reportId;
            this.warehouse = warehouse;
            this.user = user;
        }

        void add(List<ReportRow> rows) {
            chunk.add(List.copyOf(rows));
            if (chunk.size() == chunkSize) {
                takeChunk();
            }
        }

        void takeChunk() {
            Map<String, MarketplaceOrder> batch = new LinkedHashMap<>();
            Map<String, List<ReportRow>> rowsOf = new HashMap<>();
            List<List<ReportRow>> oneByOne = new ArrayList<>();
            for (List<ReportRow> rows : chunk) {
                Optional<MarketplaceOrder> order = readable(rows);
                if (order.isPresent() && !batch.containsKey(order.get().orderId())
                        && order.get().lines().stream().allMatch(line -> takeable(line.sku()))) {
                    batch.put(order.get().orderId(), order.get());
                    rowsOf.put(order.get().orderId(), rows);
                } else {
                    oneByOne.add(rows);
                }
            }
            chunk.clear();
            if (!batch.isEmpty()) {
                for (String known : orderBatches.known(format.channel(), batch.keySet())) {
                    batch.remove(known);
                    oneByOne.add(rowsOf.get(known));
                }
            }
            if (!batch.isEmpty()) {
                try {
                    orderBatches.ingestNew(format.channel(), batch.values().stream()
                            .map(order -> new OrderBatches.NewOrder(
                                    MarketplaceOrderHandler.ingestion(format.channel(), order, warehouse),
                                    MarketplaceOrderHandler.shipment(format.channel(), order, Map.of()),
                                    MarketplaceOrderHandler.cancellation(format.channel(), order, Map.of())))
                            .toList(), user);
                    batch.values().forEach(this::countTaken);
                    orders += batch.size();
                } catch (RuntimeException refusedAsAWhole) {
                    log.info("Chunk of {} orders of report {} of {} taken one by one: {}", batch.size(), reportId,
                            format.channel(), refusedAsAWhole.getMessage());
                    batch.keySet().forEach(id -> oneByOne.add(rowsOf.get(id)));
                }
            }
            for (List<ReportRow> rows : oneByOne) {
                orders++;
                if (take(format, rows, reportId, warehouse, user, ReportMessage.ORDER_REPORT, notTaken,
                        deadLettered)) {
                    countTaken(format.order(rows));
                }
            }
        }

        private void countTaken(MarketplaceOrder order) {
            taken++;
            shipped += order.anyShipped() ? 1 : 0;
            cancelled += order.anyCancelled() ? 1 : 0;
        }

        private Optional<MarketplaceOrder> readable(List<ReportRow> rows) {
            try {
                return Optional.of(format.order(rows));
            } catch (MessageRejectedException unreadable) {
                return Optional.empty();
            }
        }

        private boolean takeable(String sku) {
            return refusalBySku.computeIfAbsent(sku, known -> MarketplaceOrderHandler.refusal(known,
                    catalog.product(known))).isEmpty();
        }
    }

    ReturnReport importReturns(String channel, String reportId, InputStream file, String user) {
        ReportFormat format = formatOf(channel);
        int[] counts = new int[3];
        int[] deadLettered = {0};
        List<NotTaken> notTaken = new ArrayList<>();
        read(format, file, format.returnColumns(), format.returnIdColumn(), row -> {
                    if (format.authorised(row)) {
                        return true;
                    }
                    counts[2]++;
                    return false;
                }, reportId, ReportMessage.RETURN_REPORT, "return report", rows -> {
                    counts[0]++;
                    counts[1] += take(format, rows, reportId, null, user, ReportMessage.RETURN_REPORT, notTaken,
                            deadLettered) ? 1 : 0;
                }, notTaken, deadLettered);
        return new ReturnReport(channel, reportId, counts[0], counts[1], counts[2], deadLettered[0], notTaken);
    }

    private ReportFormat formatOf(String channel) {
        if (!catalog.channelCodes().contains(channel)) {
            throw new NotFoundException("code", "No sales channel " + channel + " is known");
        }
        return formats.of(channel).orElseThrow(() -> new RuleViolationException("code", "channel " + channel
                + " sends no marketplace reports; reports are read for " + formats.channels()));
    }

    /**
     * Reads the report row by row and hands each group of consecutive rows with the same id to {@code group}. Rows the
     * {@code included} test leaves out are skipped (and not grouped). When the rest of the file cannot be read, what
     * was read is handed on and the rest is kept as a dead letter.
     */
    private void read(ReportFormat format, InputStream file, List<String> columns, String idColumn,
                      Predicate<ReportRow> included, String reportId, String messageType, String kind,
                      Consumer<List<ReportRow>> group, List<NotTaken> notTaken, int[] deadLettered) {
        Reader reader = new InputStreamReader(file, StandardCharsets.UTF_8);
        CSVFormat.Builder csv = CSVFormat.DEFAULT.builder().setDelimiter(format.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true);
        if (format.delimiter() == '\t') {
            // Flat files do not quote: a product name may hold a quote character.
            csv.setQuote(null);
        }
        try (CSVParser parser = open(csv.build(), reader, format, kind)) {
            checkHeader(format, kind, columns, parser.getHeaderNames());
            List<String> header = parser.getHeaderNames();
            Iterator<CSVRecord> records = parser.iterator();
            List<ReportRow> rows = new ArrayList<>();
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
                    if (!rows.isEmpty()) {
                        group.accept(rows);
                    }
                    keepUnreadable(format, reportId, messageType, line + 1, broken, notTaken, deadLettered);
                    return;
                }
                line = parser.getCurrentLineNumber();
                ReportRow row = row(header, record, line);
                if (!included.test(row)) {
                    continue;
                }
                String id = row.text(idColumn);
                if (!rows.isEmpty() && !id.equals(groupId)) {
                    group.accept(rows);
                    rows = new ArrayList<>();
                }
                groupId = id;
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                group.accept(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Hands the rows of one order or return to the inbox; answers whether it was taken. */
    private boolean take(ReportFormat format, List<ReportRow> rows, String reportId, String warehouse, String user,
                         String messageType, List<NotTaken> notTaken, int[] deadLettered) {
        String id = rows.get(0).text(messageType.equals(ReportMessage.ORDER_REPORT) ? format.orderIdColumn()
                : format.returnIdColumn());
        String groupId = id.isEmpty() ? "line-" + rows.get(0).line() : id;
        ChannelMessage message = new ChannelMessage(format.channel(), messageType, reportId + "/" + groupId,
                payload(new ReportMessage(reportId, warehouse, user, List.copyOf(rows))));
        ChannelInbox.Outcome outcome = inbox.take(message);
        if (!outcome.taken()) {
            deadLettered[0]++;
            if (notTaken.size() < LISTED_DEAD_LETTERS) {
                notTaken.add(new NotTaken(groupId, message.messageId(), outcome.deadLetterId(), outcome.reason()));
            }
        }
        return outcome.taken();
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
