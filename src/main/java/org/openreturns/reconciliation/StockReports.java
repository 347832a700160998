package org.openreturns.reconciliation;

import static org.openreturns.db.Tables.CHANNEL_STOCK_LINE;
import static org.openreturns.db.Tables.CHANNEL_STOCK_REPORT;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.STOCK_COUNT;
import static org.openreturns.db.Tables.STOCK_COUNT_LINE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.openreturns.catalog.CatalogService;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reality reports to compare the ledger with: physical counts from the warehouses and the stock the sales
 * channels show. Both are kept as reported; the next reconciliation run compares them.
 */
@Service
public class StockReports {

    private final DSLContext db;
    private final CatalogService catalog;
    private final Clock clock;

    StockReports(DSLContext db, CatalogService catalog, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public long recordCount(StockCountReport count, String countedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            catalog.warehouse(count.warehouse());
        } catch (NotFoundException unknown) {
            problems.add(new FieldProblem("warehouse", unknown.getMessage()));
        }
        if (count.locationType().isVirtual()) {
            problems.add(new FieldProblem("locationType", count.locationType() + " is virtual and cannot be counted"));
        }
        checkSkus(count.lines().stream().map(StockCountReport.Line::sku).toList(), problems);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        long countId = db.insertInto(STOCK_COUNT)
                .set(STOCK_COUNT.WAREHOUSE_CODE, count.warehouse())
                .set(STOCK_COUNT.LOCATION_TYPE, count.locationType().name())
                .set(STOCK_COUNT.COUNTED_AT, count.countedAt())
                .set(STOCK_COUNT.COUNTED_BY, countedBy)
                .set(STOCK_COUNT.RECEIVED_AT, OffsetDateTime.now(clock))
                .returning(STOCK_COUNT.ID).fetchOne(STOCK_COUNT.ID);
        var lines = db.insertInto(STOCK_COUNT_LINE, STOCK_COUNT_LINE.COUNT_ID, STOCK_COUNT_LINE.SKU,
                STOCK_COUNT_LINE.SERIAL, STOCK_COUNT_LINE.QUANTITY);
        for (StockCountReport.Line line : count.lines()) {
            lines = lines.values(countId, line.sku(), line.serial(), line.quantity());
        }
        lines.execute();
        return countId;
    }

    @Transactional
    public long recordChannelStock(ChannelStockReport report, String receivedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!catalog.channelCodes().contains(report.channel())) {
            problems.add(new FieldProblem("channel", "no channel " + report.channel() + " is known"));
        }
        List<String> skus = report.lines().stream().map(ChannelStockReport.Line::sku).toList();
        checkSkus(skus, problems);
        if (new HashSet<>(skus).size() != skus.size()) {
            problems.add(new FieldProblem("lines", "name each SKU once"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        long reportId = db.insertInto(CHANNEL_STOCK_REPORT)
                .set(CHANNEL_STOCK_REPORT.CHANNEL, report.channel())
                .set(CHANNEL_STOCK_REPORT.REPORTED_AT, report.reportedAt())
                .set(CHANNEL_STOCK_REPORT.RECEIVED_BY, receivedBy)
                .set(CHANNEL_STOCK_REPORT.RECEIVED_AT, OffsetDateTime.now(clock))
                .returning(CHANNEL_STOCK_REPORT.ID).fetchOne(CHANNEL_STOCK_REPORT.ID);
        var lines = db.insertInto(CHANNEL_STOCK_LINE, CHANNEL_STOCK_LINE.REPORT_ID, CHANNEL_STOCK_LINE.SKU,
                CHANNEL_STOCK_LINE.QUANTITY);
        for (ChannelStockReport.Line line : report.lines()) {
            lines = lines.values(reportId, line.sku(), line.quantity());
        }
        lines.execute();
        return reportId;
    }

    private void checkSkus(List<String> skus, List<FieldProblem> problems) {
        Set<String> known = new HashSet<>(db.select(PRODUCT.SKU).from(PRODUCT).where(PRODUCT.SKU.in(skus))
                .fetch(PRODUCT.SKU));
        for (int i = 0; i < skus.size(); i++) {
            if (!known.contains(skus.get(i))) {
                problems.add(new FieldProblem("lines[" + i + "].sku", "no product " + skus.get(i) + " is known"));
            }
        }
    }
}
