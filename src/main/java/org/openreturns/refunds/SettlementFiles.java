package org.openreturns.refunds;

import static org.openreturns.db.Tables.CREDIT_NOTE;
import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.OFFLINE_PAYOUT;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SETTLEMENT_BATCH;
import static org.openreturns.db.Tables.SETTLEMENT_BATCH_PAYOUT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settlement files of the offline gateway: a CSV of the payouts finance still has to make, which finance uploads
 * to the bank. Each payout is exported in exactly one batch, so the next file does not repeat it; a batch can be
 * downloaded again by its id.
 */
@Service
class SettlementFiles {

    static final List<String> COLUMNS = List.of("refund_id", "rma_number", "customer_id", "customer_email", "amount",
            "currency", "credit_note", "gateway_reference");

    private final DSLContext db;
    private final Clock clock;

    SettlementFiles(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param batchId null when there was nothing new to export (the file then has its header only)
     * @param rows    the number of payouts in the file
     */
    record SettlementFile(Long batchId, int rows, String csv) {
    }

    /** Exports the payouts not exported yet as a new batch. */
    @Transactional
    public SettlementFile exportNew(String exportedBy) {
        // One export at a time: two concurrent downloads must not put the same payout in two batches.
        db.execute("lock table settlement_batch in exclusive mode");
        List<Long> pending = db.select(OFFLINE_PAYOUT.REFUND_ID).from(OFFLINE_PAYOUT)
                .whereNotExists(DSL.selectOne().from(SETTLEMENT_BATCH_PAYOUT)
                        .where(SETTLEMENT_BATCH_PAYOUT.REFUND_ID.eq(OFFLINE_PAYOUT.REFUND_ID)))
                .orderBy(OFFLINE_PAYOUT.REFUND_ID).fetch(OFFLINE_PAYOUT.REFUND_ID);
        if (pending.isEmpty()) {
            return new SettlementFile(null, 0, csv(List.of()));
        }
        long batchId = db.insertInto(SETTLEMENT_BATCH)
                .set(SETTLEMENT_BATCH.EXPORTED_AT, OffsetDateTime.now(clock))
                .set(SETTLEMENT_BATCH.EXPORTED_BY, exportedBy)
                .returning(SETTLEMENT_BATCH.ID).fetchSingle(SETTLEMENT_BATCH.ID);
        var insert = db.insertInto(SETTLEMENT_BATCH_PAYOUT, SETTLEMENT_BATCH_PAYOUT.BATCH_ID,
                SETTLEMENT_BATCH_PAYOUT.REFUND_ID);
        for (Long refundId : pending) {
            insert = insert.values(batchId, refundId);
        }
        insert.execute();
        return batch(batchId);
    }

    /** A batch exported before, as it was. */
    @Transactional(readOnly = true)
    public SettlementFile batch(long batchId) {
        if (!db.fetchExists(SETTLEMENT_BATCH, SETTLEMENT_BATCH.ID.eq(batchId))) {
            throw new NotFoundException("batch", "No settlement batch " + batchId);
        }
        List<List<String>> rows = rows(OFFLINE_PAYOUT.REFUND_ID.in(DSL.select(SETTLEMENT_BATCH_PAYOUT.REFUND_ID)
                .from(SETTLEMENT_BATCH_PAYOUT).where(SETTLEMENT_BATCH_PAYOUT.BATCH_ID.eq(batchId))));
        return new SettlementFile(batchId, rows.size(), csv(rows));
    }

    private List<List<String>> rows(Condition payouts) {
        return db.select(OFFLINE_PAYOUT.REFUND_ID, RETURN_REQUEST.RMA_NUMBER, CUSTOMER.ID, CUSTOMER.EMAIL,
                        OFFLINE_PAYOUT.AMOUNT_MINOR, OFFLINE_PAYOUT.CURRENCY, CREDIT_NOTE.NUMBER,
                        OFFLINE_PAYOUT.REFERENCE)
                .from(OFFLINE_PAYOUT)
                .join(REFUND).on(REFUND.ID.eq(OFFLINE_PAYOUT.REFUND_ID))
                .join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(REFUND.RETURN_ID))
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .leftJoin(CREDIT_NOTE).on(CREDIT_NOTE.REFUND_ID.eq(OFFLINE_PAYOUT.REFUND_ID))
                .where(payouts)
                .orderBy(OFFLINE_PAYOUT.REFUND_ID)
                .fetch(row -> List.of(String.valueOf(row.value1()), row.value2(), row.value3(), row.value4(),
                        Money.fromMinorUnits(row.value5(), row.value6()).toPlainString(), row.value6(),
                        row.value7() == null ? "" : row.value7(), row.value8()));
    }

    /** RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break quoted. */
    static String csv(List<List<String>> rows) {
        return Stream.concat(Stream.of(COLUMNS), rows.stream())
                .map(row -> row.stream().map(SettlementFiles::field).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
