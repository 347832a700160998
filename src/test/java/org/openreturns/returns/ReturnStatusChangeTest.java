package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** How a status change behaves when a step is repeated or comes out of order; each test rolls back. */
@ReturnsIntegrationTest
@Transactional
class ReturnStatusChangeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T09:00:00Z");

    @Autowired
    ReturnService service;
    @Autowired
    ReturnRepository returns;
    @Autowired
    OrderService orders;

    @Test
    void aChangeIsRecordedOnTheTimelineWithWhoMadeItAndTheEventOfItsTransition() {
        UUID returnId = returnIn(ReturnStatus.RECEIVED);

        assertThat(service.markInspected(returnId, "inspector-1", "Every line that arrived is inspected")).isTrue();

        assertThat(service.summary(returnId).status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(returns.timeline(returnId)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("inspector-1");
            assertThat(entry.type()).isEqualTo("INSPECTED");
            assertThat(entry.fromStatus()).isEqualTo(ReturnStatus.RECEIVED);
            assertThat(entry.toStatus()).isEqualTo(ReturnStatus.INSPECTED);
        });
    }

    @Test
    void repeatingAChangeThatAlreadyHappenedChangesNothing() {
        UUID returnId = returnIn(ReturnStatus.RESOLVED);
        service.close(returnId, ReturnService.SYSTEM_ACTOR, "Return closed");

        assertThat(service.close(returnId, ReturnService.SYSTEM_ACTOR, "Return closed")).isFalse();

        assertThat(returns.timeline(returnId)).hasSize(1);
    }

    @Test
    void aChangeFromAStatusItDoesNotStartFromFailsAndLeavesTheReturnAsItWas() {
        UUID returnId = returnIn(ReturnStatus.AUTHORIZED);

        assertThatThrownBy(() -> service.resolve(returnId, "manager-1", "Dispositions carried out"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot RESOLVE from AUTHORIZED");

        assertThat(service.summary(returnId).status()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThat(returns.timeline(returnId)).isEmpty();
    }

    private UUID returnIn(ReturnStatus status) {
        SalesOrder order = orders.ingest(new OrderIngestion(ApiClient.newOrderId(), "WEB",
                new OrderIngestion.Customer("C-STATUS", "status@example.com", CustomerTier.STANDARD, null),
                NOW.minusDays(10), NOW.minusDays(7), "EUR", "WH-BER",
                List.of(new OrderIngestion.Line(1, "TSHIRT-BLK-M", 1, new BigDecimal("19.90"), List.of())), null, null),
                "test").order();
        UUID returnId = UUID.randomUUID();
        returns.insertReturn(returnId, returns.nextRmaNumber(2026), order.id(), status, null, "test", null, NOW);
        returns.insertLine(returnId, order.id(), new ReturnRequest.Line(1, 1, null, null));
        return returnId;
    }
}
