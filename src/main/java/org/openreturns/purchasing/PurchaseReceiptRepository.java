package org.openreturns.purchasing;

import static org.openreturns.db.Tables.PURCHASE_RECEIPT;
import static org.openreturns.db.Tables.PURCHASE_RECEIPT_LINE;

import java.util.Arrays;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class PurchaseReceiptRepository {

    private final DSLContext db;

    PurchaseReceiptRepository(DSLContext db) {
        this.db = db;
    }

    Optional<PurchaseReceipt> find(String receiptId) {
        return db.selectFrom(PURCHASE_RECEIPT).where(PURCHASE_RECEIPT.RECEIPT_ID.eq(receiptId)).fetchOptional(
                receipt -> new PurchaseReceipt(receipt.getReceiptId(), receipt.getPurchaseOrderId(),
                        receipt.getWarehouse(), receipt.getReceivedAt(), receipt.getRecordedBy(),
                        receipt.getRecordedAt(), db.selectFrom(PURCHASE_RECEIPT_LINE)
                        .where(PURCHASE_RECEIPT_LINE.RECEIPT_ID.eq(receiptId))
                        .orderBy(PURCHASE_RECEIPT_LINE.POSITION)
                        .fetch(line -> new PurchaseReceipt.Line(line.getPosition(), line.getSku(),
                                line.getQuantity(), line.getUnitCostMinor(), line.getCurrency(),
                                Arrays.asList(line.getSerials())))));
    }

    /** Stores the receipt unless its id is taken; false when it is. */
    boolean insert(PurchaseReceipt receipt) {
        int inserted = db.insertInto(PURCHASE_RECEIPT)
                .set(PURCHASE_RECEIPT.RECEIPT_ID, receipt.receiptId())
                .set(PURCHASE_RECEIPT.PURCHASE_ORDER_ID, receipt.purchaseOrderId())
                .set(PURCHASE_RECEIPT.WAREHOUSE, receipt.warehouse())
                .set(PURCHASE_RECEIPT.RECEIVED_AT, receipt.receivedAt())
                .set(PURCHASE_RECEIPT.RECORDED_BY, receipt.recordedBy())
                .set(PURCHASE_RECEIPT.RECORDED_AT, receipt.recordedAt())
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            return false;
        }
        for (PurchaseReceipt.Line line : receipt.lines()) {
            db.insertInto(PURCHASE_RECEIPT_LINE)
                    .set(PURCHASE_RECEIPT_LINE.RECEIPT_ID, receipt.receiptId())
                    .set(PURCHASE_RECEIPT_LINE.POSITION, line.position())
                    .set(PURCHASE_RECEIPT_LINE.SKU, line.sku())
                    .set(PURCHASE_RECEIPT_LINE.QUANTITY, line.quantity())
                    .set(PURCHASE_RECEIPT_LINE.UNIT_COST_MINOR, line.unitCostMinor())
                    .set(PURCHASE_RECEIPT_LINE.CURRENCY, line.currency())
                    .set(PURCHASE_RECEIPT_LINE.SERIALS, line.serials().toArray(String[]::new))
                    .execute();
        }
        return true;
    }
}
