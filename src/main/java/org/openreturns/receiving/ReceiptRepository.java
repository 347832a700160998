package org.openreturns.receiving;

import static org.openreturns.db.Tables.PARCEL_RECEIPT;
import static org.openreturns.db.Tables.PARCEL_RECEIPT_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.springframework.stereotype.Repository;

@Repository
class ReceiptRepository {

    private final DSLContext db;

    ReceiptRepository(DSLContext db) {
        this.db = db;
    }

    Optional<ParcelReceiptRecord> findByScanId(String scanId) {
        return db.selectFrom(PARCEL_RECEIPT).where(PARCEL_RECEIPT.SCAN_ID.eq(scanId)).fetchOptional();
    }

    long insert(ParcelScan scan, UUID returnId, OffsetDateTime now, String receivedBy) {
        long receiptId = db.insertInto(PARCEL_RECEIPT)
                .set(PARCEL_RECEIPT.SCAN_ID, scan.scanId())
                .set(PARCEL_RECEIPT.WAREHOUSE, scan.warehouse())
                .set(PARCEL_RECEIPT.RMA_NUMBER, scan.rmaNumber())
                .set(PARCEL_RECEIPT.TRACKING_ID, scan.trackingId())
                .set(PARCEL_RECEIPT.RETURN_ID, returnId)
                .set(PARCEL_RECEIPT.RECEIVED_AT, now)
                .set(PARCEL_RECEIPT.RECEIVED_BY, receivedBy)
                .set(PARCEL_RECEIPT.WEIGHT_GRAMS, scan.weightGrams())
                .returning(PARCEL_RECEIPT.ID)
                .fetchOne(PARCEL_RECEIPT.ID);
        for (int i = 0; i < scan.lines().size(); i++) {
            ParcelScan.Item item = scan.lines().get(i);
            db.insertInto(PARCEL_RECEIPT_LINE)
                    .set(PARCEL_RECEIPT_LINE.RECEIPT_ID, receiptId)
                    .set(PARCEL_RECEIPT_LINE.POSITION, i + 1)
                    .set(PARCEL_RECEIPT_LINE.SKU, item.sku())
                    .set(PARCEL_RECEIPT_LINE.SERIAL, item.serial())
                    .set(PARCEL_RECEIPT_LINE.QUANTITY, item.quantity())
                    .set(PARCEL_RECEIPT_LINE.WEIGHT_GRAMS, item.weightGrams())
                    .execute();
        }
        return receiptId;
    }

    Optional<ParcelReceiptRecord> find(long receiptId) {
        return db.selectFrom(PARCEL_RECEIPT).where(PARCEL_RECEIPT.ID.eq(receiptId)).fetchOptional();
    }

    List<ParcelScan.Item> items(long receiptId) {
        return db.selectFrom(PARCEL_RECEIPT_LINE).where(PARCEL_RECEIPT_LINE.RECEIPT_ID.eq(receiptId))
                .orderBy(PARCEL_RECEIPT_LINE.POSITION)
                .fetch(line -> new ParcelScan.Item(line.getSku(), line.getSerial(), line.getQuantity(),
                        line.getWeightGrams()));
    }

    /**
     * Locks the return's row until the transaction ends, so that two parcels for one return are taken one after the
     * other: the second sees the first's receipt.
     */
    void lockReturn(UUID returnId) {
        db.select(RETURN_REQUEST.ID).from(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(returnId)).forUpdate().fetch();
    }

    /** Whether a parcel other than this receipt has been taken for the return. */
    boolean hasOtherReceipt(UUID returnId, long receiptId) {
        return db.fetchExists(PARCEL_RECEIPT, PARCEL_RECEIPT.RETURN_ID.eq(returnId).and(PARCEL_RECEIPT.ID.ne(receiptId)));
    }

    Optional<ParcelReceiptRecord> findForUpdate(long receiptId) {
        return db.selectFrom(PARCEL_RECEIPT).where(PARCEL_RECEIPT.ID.eq(receiptId)).forUpdate().fetchOptional();
    }

    /** How the warehouse resolved a parcel that came without a known RMA. */
    void recordResolution(long receiptId, String resolution, UUID returnId, String notes, String by,
                          OffsetDateTime at) {
        db.update(PARCEL_RECEIPT)
                .set(PARCEL_RECEIPT.RESOLUTION, resolution)
                .set(PARCEL_RECEIPT.RETURN_ID, returnId)
                .set(PARCEL_RECEIPT.RESOLUTION_NOTES, notes)
                .set(PARCEL_RECEIPT.RESOLVED_BY, by)
                .set(PARCEL_RECEIPT.RESOLVED_AT, at)
                .where(PARCEL_RECEIPT.ID.eq(receiptId))
                .execute();
    }
}
