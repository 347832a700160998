package org.openreturns.returns;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A parcel the warehouse should expect (pre-advice): an authorized return whose parcel has not been received.
 *
 * @param status     AUTHORIZED, or IN_TRANSIT once the carrier has seen it
 * @param expectedBy when the return expires unless the parcel arrives or the carrier reports it
 */
public record ExpectedParcel(UUID returnId, String rmaNumber, ReturnStatus status, String orderId, String channel,
                             String carrier, String trackingId, OffsetDateTime expectedBy, List<Line> lines) {

    /** @param soldSerials the serials shipped on the order line, to check against what arrives */
    public record Line(int lineNo, String sku, int quantity, List<String> soldSerials) {
    }
}
