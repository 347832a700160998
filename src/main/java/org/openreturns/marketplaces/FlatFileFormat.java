package org.openreturns.marketplaces;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openreturns.returns.ReasonCode;

/**
 * MARKETPLACE_A's reports: tab-separated flat files as large marketplaces export them. The order report is an "all
 * orders" file with one row per order item (a SKU with its quantity, item price for the whole quantity and the item's
 * status), ISO 8601 times with offset and amounts with a decimal point; the return report has one row per returned
 * SKU of a return (RMA), with the return's status. docs/marketplaces.md describes both exactly.
 */
final class FlatFileFormat implements ReportFormat {

    static final String ORDER_ID = "order-id";
    static final String PURCHASE_DATE = "purchase-date";
    static final String LAST_UPDATED = "last-updated-date";
    static final String SKU = "sku";
    static final String ITEM_STATUS = "item-status";
    static final String QUANTITY = "quantity";
    static final String CURRENCY = "currency";
    static final String ITEM_PRICE = "item-price";
    static final String BUYER_EMAIL = "buyer-email";

    static final String RETURN_ORDER_ID = "Order ID";
    static final String RMA_ID = "RMA ID";
    static final String RETURN_STATUS = "Return request status";
    static final String RETURN_SKU = "Merchant SKU";
    static final String RETURN_QUANTITY = "Return quantity";
    static final String RETURN_REASON = "Return reason";

    private static final Map<String, ReasonCode> REASONS = Map.ofEntries(
            Map.entry("APPAREL_TOO_SMALL", ReasonCode.SIZE_TOO_SMALL),
            Map.entry("APPAREL_TOO_LARGE", ReasonCode.SIZE_TOO_LARGE),
            Map.entry("UNWANTED_ITEM", ReasonCode.CHANGED_MIND),
            Map.entry("DAMAGED_BY_CARRIER", ReasonCode.DAMAGED_IN_TRANSIT),
            Map.entry("DEFECTIVE", ReasonCode.DEFECTIVE),
            Map.entry("WRONG_ITEM_SENT", ReasonCode.WRONG_ITEM),
            Map.entry("NOT_AS_DESCRIBED", ReasonCode.NOT_AS_DESCRIBED),
            Map.entry("MISSED_ESTIMATED_DELIVERY", ReasonCode.ARRIVED_LATE),
            Map.entry("MISSING_PARTS", ReasonCode.MISSING_PARTS),
            Map.entry("FOUND_BETTER_PRICE", ReasonCode.BETTER_PRICE_ELSEWHERE));

    @Override
    public String channel() {
        return "MARKETPLACE_A";
    }

    @Override
    public char delimiter() {
        return '\t';
    }

    @Override
    public List<String> orderColumns() {
        return List.of(ORDER_ID, PURCHASE_DATE, LAST_UPDATED, SKU, ITEM_STATUS, QUANTITY, CURRENCY, ITEM_PRICE,
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
        String email = ReportFormat.email(first, BUYER_EMAIL);
        OffsetDateTime placedAt = time(first, PURCHASE_DATE);
        OffsetDateTime lastUpdated = placedAt;
        OrderLines lines = new OrderLines();
        for (ReportRow row : rows) {
            if (!row.required(CURRENCY).equals(currency)) {
                throw row.problem(CURRENCY, "is " + row.text(CURRENCY) + " where the order's first row has "
                        + currency);
            }
            OffsetDateTime updated = time(row, LAST_UPDATED);
            lastUpdated = updated.isAfter(lastUpdated) ? updated : lastUpdated;
            int quantity = ReportFormat.positiveCount(row, QUANTITY);
            BigDecimal itemPrice = ReportFormat.amount(row, ITEM_PRICE, decimal(row.text(ITEM_PRICE)), currency,
                    "19.99");
            // The item price is for the row's whole quantity.
            BigDecimal unitPrice = itemPrice.divide(BigDecimal.valueOf(quantity), 10, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            if (!org.openreturns.system.Money.fitsMinorUnits(unitPrice, java.util.Currency.getInstance(currency))) {
                throw row.problem(ITEM_PRICE, itemPrice.toPlainString() + " for " + quantity
                        + " units is no whole unit price in " + currency);
            }
            lines.add(ReportFormat.id(row, SKU), unitPrice, quantity, state(row));
        }
        return new MarketplaceOrder(orderId, placedAt, lastUpdated, currency, channel() + ":" + email, email,
                lines.lines());
    }

    private static OrderLines.State state(ReportRow row) {
        return switch (row.required(ITEM_STATUS)) {
            case "Shipped" -> OrderLines.State.SHIPPED;
            case "Unshipped", "Pending" -> OrderLines.State.OPEN;
            case "Cancelled", "Canceled" -> OrderLines.State.CANCELLED;
            default -> throw row.problem(ITEM_STATUS, "'" + row.text(ITEM_STATUS)
                    + "' is not Shipped, Unshipped, Pending or Cancelled");
        };
    }

    @Override
    public List<String> returnColumns() {
        return List.of(RETURN_ORDER_ID, RMA_ID, RETURN_STATUS, RETURN_SKU, RETURN_QUANTITY, RETURN_REASON);
    }

    @Override
    public String returnIdColumn() {
        return RMA_ID;
    }

    /** Rows of requests the marketplace has not approved (pending, rejected) are no return yet. */
    @Override
    public boolean authorised(ReportRow row) {
        return row.text(RETURN_STATUS).equals("Approved") || row.text(RETURN_STATUS).equals("Completed");
    }

    @Override
    public MarketplaceReturn returnOf(List<ReportRow> rows) {
        ReportRow first = rows.get(0);
        List<MarketplaceReturn.Item> items = new ArrayList<>();
        for (ReportRow row : rows) {
            if (!row.required(RETURN_ORDER_ID).equals(first.required(RETURN_ORDER_ID))) {
                throw row.problem(RETURN_ORDER_ID, "names order " + row.text(RETURN_ORDER_ID) + " where the return's "
                        + "first row names " + first.text(RETURN_ORDER_ID));
            }
            String reason = row.text(RETURN_REASON);
            items.add(new MarketplaceReturn.Item(ReportFormat.id(row, RETURN_SKU),
                    ReportFormat.positiveCount(row, RETURN_QUANTITY), ReportFormat.reasonCode(reason, REASONS),
                    reason));
        }
        return new MarketplaceReturn(ReportFormat.id(first, RMA_ID), ReportFormat.id(first, RETURN_ORDER_ID), items);
    }

    private static OffsetDateTime time(ReportRow row, String column) {
        String text = row.required(column);
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notATime) {
            throw row.problem(column, "'" + text + "' is not a time such as 2026-12-01T10:15:30+00:00");
        }
    }

    /** An amount with a decimal point and no grouping: 1234.50. */
    private static Optional<BigDecimal> decimal(String text) {
        if (!text.matches("\\d{1,12}(\\.\\d{1,6})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }
}
