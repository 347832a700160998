package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the returns capability, on PostgreSQL; each test rolls back. */
@ReturnsIntegrationTest
@Transactional
class ReturnRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T09:00:00Z");

    @Autowired
    ReturnRepository returns;
    @Autowired
    OrderService orders;

    @Test
    void rejectedExpiredAndCancelledReturnsHoldNoQuantityOfTheOrderLine() {
        SalesOrder order = orderOfThreeUnits();
        returnOf(order, 1, ReturnStatus.AUTHORIZED);
        returnOf(order, 1, ReturnStatus.CLOSED);
        returnOf(order, 1, ReturnStatus.REJECTED);
        returnOf(order, 1, ReturnStatus.EXPIRED);
        returnOf(order, 1, ReturnStatus.CANCELLED);

        assertThat(returns.quantityHeldByReturns(order.id())).containsExactly(java.util.Map.entry(1, 2));
    }

    @Test
    void rmaNumbersAreUniqueAndCarryTheYear() {
        String first = returns.nextRmaNumber(2026);
        String second = returns.nextRmaNumber(2026);

        assertThat(first).startsWith("RMA-2026-").isNotEqualTo(second);
    }

    @Test
    void theLinesOfAReturnShowWhatWasSoldAndWhatArrived() {
        SalesOrder order = orderOfThreeUnits();
        UUID returnId = returnOf(order, 2, ReturnStatus.RECEIVED);
        returns.recordReceivedItem(returnId, 1, "TSHIRT-BLK-M", null, 2);

        ReturnLineView line = returns.lines(returnId).get(0);

        assertThat(line.sku()).isEqualTo("TSHIRT-BLK-M");
        assertThat(line.unitPriceMinor()).isEqualTo(1990);
        assertThat(line.receivedQuantity()).isEqualTo(2);
        assertThat(line.grade()).isNull();
    }

    private SalesOrder orderOfThreeUnits() {
        return orders.ingest(new OrderIngestion(ApiClient.newOrderId(), "WEB",
                new OrderIngestion.Customer("C-REPO", "repo@example.com", CustomerTier.STANDARD, null),
                NOW.minusDays(10), NOW.minusDays(7), "EUR", "WH-BER",
                List.of(new OrderIngestion.Line(1, "TSHIRT-BLK-M", 3, new BigDecimal("19.90"), List.of())), null, null),
                "test").order();
    }

    private UUID returnOf(SalesOrder order, int quantity, ReturnStatus status) {
        UUID returnId = UUID.randomUUID();
        returns.insertReturn(returnId, returns.nextRmaNumber(2026), order.id(), status, null, "test", null, NOW);
        returns.insertLine(returnId, order.id(), new ReturnRequest.Line(1, quantity, null, null));
        return returnId;
    }
}
