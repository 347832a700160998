package org.openreturns.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openreturns.ResolvedReturns;
import org.openreturns.ResolvedReturns.Line;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.ReturnStatusChanged;
import org.openreturns.system.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer notifications on PostgreSQL: recorded once per return and kind, to the order's customer, and handed to
 * the sender (the log, for now) only when the step that sent them commits; what a status change tells the customer.
 */
@ReturnsIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CustomerNotificationsTest {

    @Autowired
    CustomerNotifications notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    Journal journal;
    @Autowired
    ApplicationEventPublisher events;

    Line line;

    @BeforeEach
    void setUp() {
        ResolvedReturns returns = new ResolvedReturns(db, orders, ledger, catalog, journal);
        String warehouse = returns.warehouse();
        line = returns.returned(warehouse, returns.product(false), null);
    }

    @Test
    void aStepDeliveredTwiceTellsTheOrdersCustomerOnce(CapturedOutput output) {
        notifications.send(line.returnId(), NotificationType.RETURN_CLOSED, "Your return is complete.");
        notifications.send(line.returnId(), NotificationType.RETURN_CLOSED, "Your return is complete (again).");

        assertThat(notifications.sentFor(line.returnId())).singleElement().satisfies(sent -> {
            assertThat(sent.returnId()).isEqualTo(line.returnId());
            assertThat(sent.type()).isEqualTo(NotificationType.RETURN_CLOSED);
            assertThat(sent.recipient()).isEqualTo(line.customerEmail());
            assertThat(sent.message()).isEqualTo("Your return is complete.");
            assertThat(sent.sentAt()).isNotNull();
        });
        assertThat(logged(output)).isEqualTo(1);
        assertThat(output.getAll()).contains("Notification RETURN_CLOSED to " + line.customerEmail() + " about return "
                + line.returnId() + ": Your return is complete.");
    }

    @Test
    void eachKindIsSentOnceAndListedInTheOrderSent(CapturedOutput output) {
        notifications.send(line.returnId(), NotificationType.RETURN_AUTHORIZED, "Send it back with label L-1.");
        notifications.send(line.returnId(), NotificationType.RETURN_DISPUTED, "We are looking into it.");
        notifications.send(line.returnId(), NotificationType.RETURN_CLOSED, "Done.");

        assertThat(notifications.sentFor(line.returnId())).extracting(CustomerNotification::type).containsExactly(
                NotificationType.RETURN_AUTHORIZED, NotificationType.RETURN_DISPUTED, NotificationType.RETURN_CLOSED);
        assertThat(logged(output)).isEqualTo(3);
    }

    @Test
    void aStepThatRollsBackTellsTheCustomerNothing(CapturedOutput output) {
        new TransactionTemplate(transactions).executeWithoutResult(step -> {
            notifications.send(line.returnId(), NotificationType.RETURN_CLOSED, "Your return is complete.");
            step.setRollbackOnly();
        });

        assertThat(notifications.sentFor(line.returnId())).isEmpty();
        assertThat(logged(output)).isZero();

        notifications.send(line.returnId(), NotificationType.RETURN_CLOSED, "Your return is complete.");
        assertThat(logged(output)).isEqualTo(1);
    }

    @Test
    void aStatusChangeTellsTheCustomerWhenItCommitsAndNotWhenItRollsBack(CapturedOutput output) {
        ReturnStatusChanged rejected = new ReturnStatusChanged(line.returnId(), "RMA-TEST-1", ReturnStatus.REQUESTED,
                ReturnStatus.REJECTED, "system", "Final-sale items cannot be returned", OffsetDateTime.now());
        new TransactionTemplate(transactions).executeWithoutResult(step -> {
            events.publishEvent(rejected);
            step.setRollbackOnly();
        });
        assertThat(notifications.sentFor(line.returnId())).isEmpty();

        new TransactionTemplate(transactions).executeWithoutResult(step -> events.publishEvent(rejected));
        assertThat(notifications.sentFor(line.returnId())).singleElement().satisfies(sent -> {
            assertThat(sent.type()).isEqualTo(NotificationType.RETURN_REJECTED);
            assertThat(sent.message()).isEqualTo(
                    "Your return RMA-TEST-1 cannot be accepted: Final-sale items cannot be returned");
        });
        assertThat(logged(output)).isEqualTo(1);
    }

    @Test
    void statusesTheCustomerDoesNotFollowSendNothing() {
        new TransactionTemplate(transactions).executeWithoutResult(step -> events.publishEvent(
                new ReturnStatusChanged(line.returnId(), "RMA-TEST-2", ReturnStatus.RECEIVED, ReturnStatus.INSPECTED,
                        "quality1", "All lines inspected", OffsetDateTime.now())));
        assertThat(notifications.sentFor(line.returnId())).isEmpty();
    }

    @Test
    void anUnknownReturnIsNotFound() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> notifications.send(unknown, NotificationType.RETURN_CLOSED, "x"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.field()).isEqualTo("returnId"));
        assertThat(notifications.sentFor(unknown)).isEmpty();
    }

    /** How many notifications about this test's return the log adapter wrote. */
    private long logged(CapturedOutput output) {
        return output.getAll().lines().filter(logLine -> logLine.contains("about return " + line.returnId())).count();
    }
}
