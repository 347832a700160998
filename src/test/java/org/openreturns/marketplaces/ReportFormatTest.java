package org.openreturns.marketplaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openreturns.channels.MessageRejectedException;
import org.openreturns.returns.ReasonCode;

/** The two marketplaces' report formats, without a database: rows to orders and returns, and what they refuse. */
class ReportFormatTest {

    private final FlatFileFormat a = new FlatFileFormat();
    private final UnitRowsFormat b = new UnitRowsFormat();

    private static ReportRow row(long line, String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new ReportRow(line, values);
    }

    private static ReportRow aItem(long line, String sku, String status, String quantity, String price) {
        return row(line, "order-id", "403-1", "purchase-date", "2026-12-01T10:15:30+01:00",
                "last-updated-date", "2026-12-0" + line + "T08:00:00+00:00", "sku", sku, "item-status", status,
                "quantity", quantity, "currency", "EUR", "item-price", price, "buyer-email", "x@marketplace-a.example");
    }

    private static ReportRow bUnit(long line, String sku, String status, String price) {
        return row(line, "order_unit_id", "U" + line, "order_id", "B-1", "created_at", "01.12.2026 10:15:30",
                "updated_at", "02.12.2026 08:00:00", "status", status, "sku", sku, "unit_price", price,
                "currency", "EUR", "buyer_id", "B-77", "buyer_email", "r@relay.marketplace-b.example");
    }

    @Test
    void marketplaceAItemsBecomeLinesNumberedBySkuWithTheUnitPriceOfTheItemPrice() {
        MarketplaceOrder order = a.order(List.of(aItem(2, "TEE", "Shipped", "2", "39.80"),
                aItem(3, "CAP", "Unshipped", "1", "12.5"), aItem(4, "TEE", "Cancelled", "1", "19.90")));
        assertThat(order.orderId()).isEqualTo("403-1");
        assertThat(order.placedAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:15:30+01:00"));
        assertThat(order.shippedAt()).as("the order's last change").isEqualTo(
                OffsetDateTime.parse("2026-12-04T08:00:00Z"));
        assertThat(order.customerId()).isEqualTo("MARKETPLACE_A:x@marketplace-a.example");
        assertThat(order.lines()).containsExactly(
                new MarketplaceOrder.Line(1, "CAP", 1, new BigDecimal("12.5"), 0, 0),
                new MarketplaceOrder.Line(2, "TEE", 3, new BigDecimal("19.9"), 2, 1));
    }

    @Test
    void marketplaceARefusesWhatItCannotRead() {
        assertThatThrownBy(() -> a.order(List.of(aItem(2, "TEE", "Shipped", "1", "19,90"))))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessage("line 2, column item-price: '19,90' is not an amount such as 19.99");
        assertThatThrownBy(() -> a.order(List.of(aItem(2, "TEE", "Shipped", "3", "10.00"))))
                .hasMessageContaining("10.00 for 3 units is no whole unit price in EUR");
        assertThatThrownBy(() -> a.order(List.of(aItem(2, "TEE", "Lost", "1", "10.00"))))
                .hasMessageContaining("column item-status: 'Lost' is not");
        assertThatThrownBy(() -> a.order(List.of(aItem(2, "TEE", "Shipped", "0", "10.00"))))
                .hasMessageContaining("column quantity: must be a whole number from 1");
    }

    @Test
    void marketplaceBUnitsWithDecimalCommasAndBerlinTimes() {
        MarketplaceOrder order = b.order(List.of(bUnit(2, "SHOE", "sent", "1.049,90"),
                bUnit(3, "SHOE", "need_to_be_sent", "1049,9"), bUnit(4, "SHOE", "cancelled", "1.049,90"),
                bUnit(5, "SOCK", "received", "4")));
        assertThat(order.placedAt()).as("winter time in Berlin").isEqualTo(
                OffsetDateTime.parse("2026-12-01T10:15:30+01:00"));
        assertThat(order.customerId()).isEqualTo("MARKETPLACE_B:B-77");
        assertThat(order.lines()).containsExactly(
                new MarketplaceOrder.Line(1, "SHOE", 3, new BigDecimal("1049.9"), 1, 1),
                new MarketplaceOrder.Line(2, "SOCK", 1, new BigDecimal("4"), 1, 0));
        assertThatThrownBy(() -> b.order(List.of(bUnit(2, "SHOE", "sent", "1,049.90"))))
                .hasMessage("line 2, column unit_price: '1,049.90' is not an amount such as 1.234,50");
        assertThatThrownBy(() -> b.order(List.of(row(2, "order_id", "B-1", "created_at", "2026-12-01 10:15"))))
                .hasMessageContaining("column");
    }

    @Test
    void returnsMapTheMarketplacesReasonsAndLeaveOutWhatIsNotAuthorised() {
        ReportRow approved = row(2, "Order ID", "403-1", "RMA ID", "D1", "Return request status", "Approved",
                "Merchant SKU", "TEE", "Return quantity", "1", "Return reason", "APPAREL_TOO_SMALL");
        ReportRow pending = row(3, "Order ID", "403-1", "RMA ID", "D2", "Return request status", "Pending",
                "Merchant SKU", "TEE", "Return quantity", "1", "Return reason", "DEFECTIVE");
        assertThat(a.authorised(approved)).isTrue();
        assertThat(a.authorised(pending)).isFalse();
        assertThat(a.returnOf(List.of(approved))).isEqualTo(new MarketplaceReturn("D1", "403-1",
                List.of(new MarketplaceReturn.Item("TEE", 1, ReasonCode.SIZE_TOO_SMALL, "APPAREL_TOO_SMALL"))));

        ReportRow unit = row(2, "return_id", "R1", "order_id", "B-1", "created_at", "05.12.2026 11:00:00",
                "sku", "SHOE", "quantity", "2", "reason", "Something else");
        assertThat(b.returnOf(List.of(unit)).items()).containsExactly(
                new MarketplaceReturn.Item("SHOE", 2, null, "Something else"));
    }
}
