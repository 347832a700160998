package org.openreturns.transfers;

import static org.openreturns.db.Tables.STOCK_TRANSFER;
import static org.openreturns.db.Tables.STOCK_TRANSFER_LINE;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class TransferRepository {

    private final DSLContext db;

    TransferRepository(DSLContext db) {
        this.db = db;
    }

    /** The transfer, its row locked when asked, so that two receipts of it wait for each other. */
    Optional<Transfer> find(String transferId, boolean lockForUpdate) {
        var query = db.selectFrom(STOCK_TRANSFER).where(STOCK_TRANSFER.TRANSFER_ID.eq(transferId));
        return (lockForUpdate ? query.forUpdate().fetchOptional() : query.fetchOptional()).map(transfer ->
                new Transfer(transfer.getTransferId(), transfer.getFromWarehouse(), transfer.getToWarehouse(),
                        transfer.getShippedAt(), transfer.getShippedBy(), transfer.getRecordedAt(),
                        transfer.getReceivedAt(), transfer.getReceivedBy(), db.selectFrom(STOCK_TRANSFER_LINE)
                        .where(STOCK_TRANSFER_LINE.TRANSFER_ID.eq(transferId))
                        .orderBy(STOCK_TRANSFER_LINE.POSITION)
                        .fetch(line -> new Transfer.Line(line.getPosition(), line.getSku(), line.getQuantity(),
                                Arrays.asList(line.getSerials())))));
    }

    /** Stores the transfer unless its id is taken; false when it is. */
    boolean insert(Transfer transfer) {
        int inserted = db.insertInto(STOCK_TRANSFER)
                .set(STOCK_TRANSFER.TRANSFER_ID, transfer.transferId())
                .set(STOCK_TRANSFER.FROM_WAREHOUSE, transfer.fromWarehouse())
                .set(STOCK_TRANSFER.TO_WAREHOUSE, transfer.toWarehouse())
                .set(STOCK_TRANSFER.SHIPPED_AT, transfer.shippedAt())
                .set(STOCK_TRANSFER.SHIPPED_BY, transfer.shippedBy())
                .set(STOCK_TRANSFER.RECORDED_AT, transfer.recordedAt())
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            return false;
        }
        for (Transfer.Line line : transfer.lines()) {
            db.insertInto(STOCK_TRANSFER_LINE)
                    .set(STOCK_TRANSFER_LINE.TRANSFER_ID, transfer.transferId())
                    .set(STOCK_TRANSFER_LINE.POSITION, line.position())
                    .set(STOCK_TRANSFER_LINE.SKU, line.sku())
                    .set(STOCK_TRANSFER_LINE.QUANTITY, line.quantity())
                    .set(STOCK_TRANSFER_LINE.SERIALS, line.serials().toArray(String[]::new))
                    .execute();
        }
        return true;
    }

    void markReceived(String transferId, OffsetDateTime receivedAt, String receivedBy) {
        db.update(STOCK_TRANSFER).set(STOCK_TRANSFER.RECEIVED_AT, receivedAt)
                .set(STOCK_TRANSFER.RECEIVED_BY, receivedBy)
                .where(STOCK_TRANSFER.TRANSFER_ID.eq(transferId)).and(STOCK_TRANSFER.RECEIVED_AT.isNull())
                .execute();
    }
}
