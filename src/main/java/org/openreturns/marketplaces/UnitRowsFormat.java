package org.openreturns.marketplaces;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openreturns.returns.ReasonCode;

/**
 * MARKETPLACE_B's reports: semicolon-separated CSV as European marketplaces export them. The order report has one row
 * per order UNIT (two pairs of the same shoe are two rows), each with its own status, German times without offset
 * (Europe/Berlin) and amounts with a decimal comma and a dot between thousands; the return report has one row per
 * returned SKU. docs/marketplaces.md describes both exactly.
 */
final class UnitRowsFormat implements ReportFormat {

    static final String UNIT_ID = "order_unit_id";
    static final String ORDER_ID = "order_id";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String STATUS = "status";
    static final String SKU = "sku";
    static final String UNIT_PRICE = "unit_price";
    static final String CURRENCY = "currency";
    static final String BUYER_ID = "buyer_id";
    static final String BUYER_EMAIL = "buyer_email";

    static final String RETURN_ID = "return_id";
    static final String RETURN_QUANTITY = "quantity";
    static final String RETURN_REASON = "reason";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss");
    private static final ZoneId MARKETPLACE_ZONE = ZoneId.of("Europe/Berlin");

    private static final Map<String, ReasonCode> REASONS = Map.ofEntries(
            Map.entry("TOO_SMALL", ReasonCode.SIZE_TOO_SMALL),
            Map.entry("TOO_LARGE", ReasonCode.SIZE_TOO_LARGE),
            Map.entry("NO_LONGER_WANTED", ReasonCode.CHANGED_MIND),
            Map.entry("DAMAGED", ReasonCode.DAMAGED_IN_TRANSIT),
            Map.entry("DEFECT", ReasonCode.DEFECTIVE),
            Map.entry("WRONG_ITEM", ReasonCode.WRONG_ITEM),
            Map.entry("NOT_AS_DESCRIBED", ReasonCode.NOT_AS_DESCRIBED),
            Map.entry("LATE_DELIVERY", ReasonCode.ARRIVED_LATE),
            Map.entry("INCOMPLETE", ReasonCode.MISSING_PARTS),
            Map.entry("CHEAPER_ELSEWHERE", ReasonCode.BETTER_PRICE_ELSEWHERE));

    @Override
    public String channel() {
        return "MARKETPLACE_B";
    }

    @Override
    public char delimiter() {
        return ';';
    }

    @Override
    public List<String> orderColumns() {
        return List.of(UNIT_ID, ORDER_ID, CREATED_AT, UPDATED_AT, STATUS, SKU, UNIT_PRICE, CURRENCY, BUYER_ID,
                BUYER_EMAIL);
    }

    @Override
    public String orderIdColumn() {
        return ORDER_ID;
    }

    @Override
    public MarketplaceOrder order(List<ReportRow> rows) {
        ReportRow first = rows.get(0);
        String orderId = ReportFormat.id(first, ORDER_ID);
        String currency = ReportFormat.currency(first, CURRENCY);
        String buyer = ReportFormat.id(first, BUYER_ID);
        String email = ReportFormat.email(first, BUYER_EMAIL);
        OffsetDateTime placedAt = time(first, CREATED_AT);
        OffsetDateTime lastUpdated = placedAt;
        OrderLines lines = new OrderLines();
        for (ReportRow row : rows) {
            ReportFormat.id(row, UNIT_ID);
            if (!row.required(CURRENCY).equals(currency)) {
                throw row.problem(CURRENCY, "is " + row.text(CURRENCY) + " where the order's first row has "
                        + currency);
            }
            OffsetDateTime updated = time(row, UPDATED_AT);
            lastUpdated = updated.isAfter(lastUpdated) ? updated : lastUpdated;
            BigDecimal unitPrice = ReportFormat.amount(row, UNIT_PRICE, decimalComma(row.text(UNIT_PRICE)), currency,
                    "1.234,50");
            lines.add(ReportFormat.id(row, SKU), unitPrice, 1, state(row));
        }
        // The marketplace's buyer number, not the e-mail address: it hides the buyer's own address behind one per
        // order, so the number is what stays the same for one buyer.
        return new MarketplaceOrder(orderId, placedAt, lastUpdated, currency, channel() + ":" + buyer, email,
                lines.lines());
    }

    private static OrderLines.State state(ReportRow row) {
        return switch (row.required(STATUS)) {
            case "open", "need_to_be_sent" -> OrderLines.State.OPEN;
            // A unit received or returned by the buyer was sent first; its return comes with the return report.
            case "sent", "received", "returned" -> OrderLines.State.SHIPPED;
            case "cancelled" -> OrderLines.State.CANCELLED;
            default -> throw row.problem(STATUS, "'" + row.text(STATUS) + "' is not open, need_to_be_sent, sent, "
                    + "received, returned or cancelled");
        };
    }

    @Override
    public List<String> returnColumns() {
        return List.of(RETURN_ID, ORDER_ID, CREATED_AT, SKU, RETURN_QUANTITY, RETURN_REASON);
    }

    @Override
    public String returnIdColumn() {
        return RETURN_ID;
    }

    @Override
    public MarketplaceReturn returnOf(List<ReportRow> rows) {
        ReportRow first = rows.get(0);
        List<MarketplaceReturn.Item> items = new ArrayList<>();
        for (ReportRow row : rows) {
            if (!row.required(ORDER_ID).equals(first.required(ORDER_ID))) {
                throw row.problem(ORDER_ID, "names order " + row.text(ORDER_ID) + " where the return's first row "
                        + "names " + first.text(ORDER_ID));
            }
            time(row, CREATED_AT);
            String reason = row.text(RETURN_REASON);
            items.add(new MarketplaceReturn.Item(ReportFormat.id(row, SKU),
                    ReportFormat.positiveCount(row, RETURN_QUANTITY), ReportFormat.reasonCode(reason, REASONS),
                    reason));
        }
        return new MarketplaceReturn(ReportFormat.id(first, RETURN_ID), ReportFormat.id(first, ORDER_ID), items);
    }

    private static OffsetDateTime time(ReportRow row, String column) {
        String text = row.required(column);
        try {
            return LocalDateTime.parse(text, TIME).atZone(MARKETPLACE_ZONE).toOffsetDateTime();
        } catch (DateTimeParseException notATime) {
            throw row.problem(column, "'" + text + "' is not a time such as 07.12.2026 14:03:11");
        }
    }

    /** An amount with a decimal comma and optionally dots between thousands: 1.234,50 or 1234,5 or 12. */
    private static Optional<BigDecimal> decimalComma(String text) {
        if (!text.matches("(\\d{1,3}(\\.\\d{3})+|\\d{1,12})(,\\d{1,6})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.replace(".", "").replace(',', '.')));
    }
}
