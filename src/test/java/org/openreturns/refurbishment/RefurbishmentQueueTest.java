package org.openreturns.refurbishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ResolvedReturns;
import org.openreturns.ResolvedReturns.Line;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;

/** The refurbishment queue on PostgreSQL: the unit's reclassification, its entries, idempotency, conflicts. */
@ReturnsIntegrationTest
class RefurbishmentQueueTest {

    @Autowired
    RefurbishmentQueue queue;
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

    ResolvedReturns returns;
    String warehouse;

    @BeforeEach
    void setUp() {
        returns = new ResolvedReturns(db, orders, ledger, catalog, journal);
        warehouse = returns.warehouse();
    }

    @Test
    void aRefurbishedUnitGoesBackToSellableStockAndItsValueToSellableInventory() {
        Line line = inRefurbishment(null);

        long jobId = queue.enqueue(line.returnId(), 1, line.sku(), null, 1, warehouse, "system");
        RefurbishmentJobView done = queue.complete(jobId, RefurbishmentOutcome.RESTOCK, "  new buttons ", "quality1");

        assertThat(done.status()).isEqualTo(RefurbishmentJobStatus.DONE);
        assertThat(done.outcome()).isEqualTo("RESTOCKED");
        assertThat(done.notes()).isEqualTo("new buttons");
        assertThat(done.completedBy()).isEqualTo("quality1");
        assertThat(done.completedAt()).isNotNull();
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.SELLABLE, 1));
        assertThat(returns.entries(line.returnId())).containsExactly(
                "RETURN_RECEIPT: Dr 1310 1000, Cr 5000 1000",
                "REFURBISH: Dr 1320 1000, Cr 1310 1000",
                "REFURBISHED: Dr 1300 1000, Cr 1320 1000");
        assertThat(returns.timeline(line.returnId())).containsExactly(
                "REFURBISHED by quality1: Line 1: 1 x " + line.sku()
                        + " refurbished and back in sellable stock; new buttons");
    }

    @Test
    void aUnitThatCannotBeSavedIsScrappedAndWrittenDown() {
        Line line = inRefurbishment("SN-" + warehouse);
        long jobId = queue.enqueue(line.returnId(), 1, line.sku(), line.serial(), 1, warehouse, "system");

        RefurbishmentJobView done = queue.complete(jobId, RefurbishmentOutcome.SCRAP, null, "warehouse1");

        assertThat(done.outcome()).isEqualTo("SCRAPPED");
        assertThat(done.notes()).isNull();
        assertThat(returns.stock(line.sku())).isEmpty();
        assertThat(returns.whereIs(line.sku(), line.serial())).isNull();
        assertThat(returns.entries(line.returnId())).endsWith("SCRAP: Dr 5100 1000, Cr 1320 1000");
        assertThat(returns.timeline(line.returnId())).containsExactly("REFURBISHMENT_SCRAPPED by warehouse1: Line 1: "
                + "1 x " + line.sku() + " could not be refurbished and was scrapped");
    }

    @Test
    void queuingALineAgainAnswersTheSameOpenJob() {
        Line line = inRefurbishment(null);

        long first = queue.enqueue(line.returnId(), 1, line.sku(), null, 1, warehouse, "system");
        long again = queue.enqueue(line.returnId(), 1, line.sku(), null, 1, warehouse, "system");

        assertThat(again).isEqualTo(first);
        assertThat(queue.jobs("OPEN", warehouse)).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(first);
            assertThat(job.returnId()).isEqualTo(line.returnId());
            assertThat(job.sku()).isEqualTo(line.sku());
            assertThat(job.createdBy()).isEqualTo("system");
            assertThat(job.outcome()).isNull();
        });
    }

    @Test
    void completingAgainWithTheSameOutcomeChangesNothingAndWithAnotherIsAConflict() {
        Line line = inRefurbishment(null);
        long jobId = queue.enqueue(line.returnId(), 1, line.sku(), null, 1, warehouse, "system");
        RefurbishmentJobView done = queue.complete(jobId, RefurbishmentOutcome.RESTOCK, "ok", "quality1");

        assertThat(queue.complete(jobId, RefurbishmentOutcome.RESTOCK, "other notes", "quality2")).isEqualTo(done);
        assertThatThrownBy(() -> queue.complete(jobId, RefurbishmentOutcome.SCRAP, null, "quality2"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Refurbishment job " + jobId + " was completed as RESTOCKED");

        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.SELLABLE, 1));
        assertThat(returns.entries(line.returnId())).hasSize(3);
        assertThat(returns.timeline(line.returnId())).hasSize(1);
        assertThat(queue.jobs("DONE", warehouse)).containsExactly(done);
    }

    @Test
    void aJobWhoseUnitIsNoLongerInRefurbishmentIsAConflictAndStaysOpen() {
        Line line = returns.returned(warehouse, returns.product(false), null);
        returns.unitIn(line, LocationType.QUARANTINE, MoveReason.QUARANTINE);
        long jobId = queue.enqueue(line.returnId(), 1, line.sku(), null, 1, warehouse, "system");

        assertThatThrownBy(() -> queue.complete(jobId, RefurbishmentOutcome.RESTOCK, null, "quality1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Refurbishment job " + jobId + " cannot be completed: Not enough stock");

        assertThat(queue.jobs("OPEN", warehouse)).extracting(RefurbishmentJobView::id).containsExactly(jobId);
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.QUARANTINE, 1));
        assertThat(returns.timeline(line.returnId())).isEmpty();
    }

    @Test
    void anUnknownJobIsNotFoundAndAnUnknownStatusIsRefusedByName() {
        assertThatThrownBy(() -> queue.complete(Long.MAX_VALUE, RefurbishmentOutcome.RESTOCK, null, "quality1"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.field()).isEqualTo("jobId"));
        assertThatThrownBy(() -> queue.jobs("LOST", null))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> assertThat(refused.problems())
                        .containsExactly(new FieldProblem("status", "must be OPEN or DONE")));
    }

    private Line inRefurbishment(String serial) {
        Line line = returns.returned(warehouse, returns.product(serial != null), serial);
        returns.unitIn(line, LocationType.REFURBISHMENT, MoveReason.REFURBISH);
        return line;
    }
}
