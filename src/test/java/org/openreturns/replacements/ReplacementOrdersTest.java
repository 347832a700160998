package org.openreturns.replacements;

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
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replacement orders on PostgreSQL: shipped from sellable stock as a service recovery cost, or backordered without
 * a move; one per return line.
 */
@ReturnsIntegrationTest
class ReplacementOrdersTest {

    @Autowired
    ReplacementOrders replacements;
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
    void theRightItemShipsFromSellableStockAsAServiceRecoveryCost() {
        String right = returns.product(false);
        returns.onTheShelf(warehouse, right, 3);
        Line line = returns.returned(warehouse, right, null);

        ReplacementView replacement = replacements.create(line.returnId(), 1, right, 2, warehouse, "finance1");

        assertThat(replacement.status()).isEqualTo(ReplacementStatus.SHIPPED);
        assertThat(replacement.stockMoveId()).isNotNull();
        assertThat(replacement.quantity()).isEqualTo(2);
        assertThat(replacement.createdBy()).isEqualTo("finance1");
        assertThat(returns.stock(right)).isEqualTo(Map.of(LocationType.SELLABLE, 1));
        assertThat(returns.entries(line.returnId())).containsExactly("REPLACEMENT_SHIPMENT: Dr 5200 2000, Cr 1300 2000");
        assertThat(returns.timeline(line.returnId())).containsExactly(
                "REPLACEMENT_SHIPPED by finance1: 2 x " + right + " sent to the customer from " + warehouse);
    }

    @Test
    void askingAgainForTheSameLineAnswersTheSameOrderAndShipsNothingMore() {
        String right = returns.product(false);
        returns.onTheShelf(warehouse, right, 3);
        Line line = returns.returned(warehouse, right, null);
        ReplacementView first = replacements.create(line.returnId(), 1, right, 1, warehouse, "system");

        assertThat(replacements.create(line.returnId(), 1, right, 1, warehouse, "system")).isEqualTo(first);

        assertThat(returns.stock(right)).isEqualTo(Map.of(LocationType.SELLABLE, 2));
        assertThat(returns.entries(line.returnId())).hasSize(1);
        assertThat(returns.timeline(line.returnId())).hasSize(1);
    }

    @Test
    void withoutEnoughSellableStockTheReplacementIsBackorderedWithNoMove() {
        String right = returns.product(false);
        returns.onTheShelf(warehouse, right, 1);
        Line line = returns.returned(warehouse, right, null);

        ReplacementView backordered = replacements.create(line.returnId(), 1, right, 2, warehouse, "system");
        assertThat(replacements.create(line.returnId(), 1, right, 2, warehouse, "system")).isEqualTo(backordered);

        assertThat(backordered.status()).isEqualTo(ReplacementStatus.BACKORDERED);
        assertThat(backordered.stockMoveId()).isNull();
        assertThat(returns.stock(right)).isEqualTo(Map.of(LocationType.SELLABLE, 1));
        assertThat(returns.entries(line.returnId())).isEmpty();
        assertThat(returns.timeline(line.returnId())).containsExactly("REPLACEMENT_BACKORDERED by system: 2 x " + right
                + " backordered: " + warehouse + " has not enough sellable stock to send");
        assertThat(replacements.orders("BACKORDERED")).contains(backordered);
    }

    @Test
    void aSerializedItemShipsUnitsFromTheShelfEachWithItsSerial() {
        String watch = returns.product(true);
        String first = "SN-A-" + warehouse;
        String second = "SN-B-" + warehouse;
        String third = "SN-C-" + warehouse;
        returns.serialsOnTheShelf(warehouse, watch, first, second, third);
        Line line = returns.returned(warehouse, watch, "SN-SOLD-" + warehouse);

        ReplacementView replacement = replacements.create(line.returnId(), 1, watch, 2, warehouse, "system");

        assertThat(replacement.status()).isEqualTo(ReplacementStatus.SHIPPED);
        assertThat(returns.stock(watch)).isEqualTo(Map.of(LocationType.SELLABLE, 1));
        assertThat(returns.whereIs(watch, first)).isNull();
        assertThat(returns.whereIs(watch, second)).isNull();
        assertThat(returns.whereIs(watch, third)).isEqualTo(LocationType.SELLABLE);
        assertThat(returns.entries(line.returnId())).containsExactly(
                "REPLACEMENT_SHIPMENT: Dr 5200 1000, Cr 1300 1000",
                "REPLACEMENT_SHIPMENT: Dr 5200 1000, Cr 1300 1000");
        assertThat(returns.timeline(line.returnId())).containsExactly("REPLACEMENT_SHIPPED by system: 2 x " + watch
                + " (" + first + ", " + second + ") sent to the customer from " + warehouse);
    }

    @Test
    void aSerializedItemWithTooFewUnitsOnTheShelfIsBackordered() {
        String watch = returns.product(true);
        returns.serialsOnTheShelf(warehouse, watch, "SN-A-" + warehouse);
        Line line = returns.returned(warehouse, watch, "SN-SOLD-" + warehouse);

        assertThat(replacements.create(line.returnId(), 1, watch, 2, warehouse, "system").status())
                .isEqualTo(ReplacementStatus.BACKORDERED);
        assertThat(returns.whereIs(watch, "SN-A-" + warehouse)).isEqualTo(LocationType.SELLABLE);
        assertThat(returns.entries(line.returnId())).isEmpty();
    }

    @Test
    void anUnknownProductIsRefusedNamingTheSkuAndAnUnknownStatusByName() {
        Line line = returns.returned(warehouse, returns.product(false), null);

        assertThatThrownBy(() -> replacements.create(line.returnId(), 1, "NO-SUCH-SKU", 1, warehouse, "system"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.field()).isEqualTo("sku"));
        assertThatThrownBy(() -> replacements.orders("LOST"))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> assertThat(refused.problems())
                        .containsExactly(new FieldProblem("status", "must be SHIPPED or BACKORDERED")));
        assertThat(returns.timeline(line.returnId())).isEmpty();
    }
}
