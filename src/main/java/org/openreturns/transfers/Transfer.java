package org.openreturns.transfers;

import java.time.OffsetDateTime;
import java.util.List;

/** A recorded transfer; {@code receivedAt} and {@code receivedBy} are null while it is in transit. */
record Transfer(String transferId, String fromWarehouse, String toWarehouse, OffsetDateTime shippedAt,
                String shippedBy, OffsetDateTime recordedAt, OffsetDateTime receivedAt, String receivedBy,
                List<Line> lines) {

    record Line(int position, String sku, int quantity, List<String> serials) {
    }
}
