package org.openreturns.channels.settlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One line of a settlement report as it arrived (the CSV record's columns as text), the payload of a
 * {@code marketplace:settlement-line} channel message; docs/marketplaces.md, "Settlement report".
 *
 * @param importedBy who imported the file, recorded with what the line books
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SettlementLine(String settlementId, String lineId, String type, String orderId, String orderLine, String sku,
                      String amount, String currency, String bookedAt, String refundId, String reverses,
                      String reversesSettlement, String description, String importedBy) {

    static final String MESSAGE_TYPE = "marketplace:settlement-line";

    /** The message id of a line: settlement id and line id. */
    static String messageId(String settlementId, String lineId) {
        return settlementId + "/" + lineId;
    }
}
