package org.openreturns.purchasing;

import java.time.OffsetDateTime;
import java.util.List;

/** A recorded supplier receipt; {@code position} numbers its lines from 1 in the order they were sent. */
record PurchaseReceipt(String receiptId, String purchaseOrderId, String warehouse, OffsetDateTime receivedAt,
                       String recordedBy, OffsetDateTime recordedAt, List<Line> lines) {

    record Line(int position, String sku, int quantity, long unitCostMinor, String currency, List<String> serials) {
    }
}
