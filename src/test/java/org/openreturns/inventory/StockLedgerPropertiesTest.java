package org.openreturns.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.db.Tables.JOURNAL_ENTRY;
import static org.openreturns.db.Tables.JOURNAL_LINE;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.SERIAL_UNIT;
import static org.openreturns.db.Tables.STOCK_BALANCE;
import static org.openreturns.db.Tables.STOCK_MOVE;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.PostingRules;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * For any sequence of moves, valid or not, on real PostgreSQL: balances equal the sum of the moves, no serial is in
 * two places, quantity times cost equals the inventory accounts, and every entry balances. Refused moves change
 * nothing. Each example gets a warehouse and products of its own.
 */
@ReturnsIntegrationTest
class StockLedgerPropertiesTest {

    /** Where a move may start: outside the books (null) or any place but the scrap heap. */
    private static final List<LocationType> SOURCES = Arrays.asList(null, LocationType.SELLABLE,
            LocationType.RETURNS_RECEIVING, LocationType.QUARANTINE, LocationType.REFURBISHMENT,
            LocationType.LIQUIDATION, LocationType.BLOCKED, LocationType.VENDOR_RETURN, LocationType.CUSTOMER);
    private static final List<LocationType> DESTINATIONS = new ArrayList<>(Arrays.asList(LocationType.values()));

    static {
        DESTINATIONS.add(null);
    }

    @Autowired
    StockLedger ledger;
    @Autowired
    DSLContext db;

    record Move(int product, LocationType from, LocationType to, int quantity, int unitCost, int serial,
                boolean writeDown) {
    }

    @Test
    void everySequenceOfMovesKeepsTheLedgerConsistent() {
        Gen<Move> moves = Generate.range(0, 2)
                .zip(Generate.pick(SOURCES), Generate.pick(DESTINATIONS), integers().between(1, 5),
                        (product, from, to, quantity) -> new int[] {product, SOURCES.indexOf(from),
                                DESTINATIONS.indexOf(to), quantity})
                .zip(integers().between(1, 2000), integers().between(0, 3), Generate.booleans(),
                        (move, cost, serial, writeDown) -> new Move(move[0], SOURCES.get(move[1]),
                                DESTINATIONS.get(move[2]), move[3], cost, serial, writeDown));

        qt().withExamples(40).withShrinkCycles(20)
                .forAll(lists().of(moves).ofSizeBetween(1, 25))
                .checkAssert(this::applyAndCheck);
    }

    private void applyAndCheck(List<Move> sequence) {
        LedgerFixtures fixtures = new LedgerFixtures(db);
        Map<LocationType, Long> warehouse = fixtures.warehouse();
        List<String> skus = List.of(fixtures.product(false), fixtures.product(false), fixtures.product(true));
        for (Move move : sequence) {
            try {
                ledger.record(request(move, warehouse, skus));
            } catch (StockMoveException refused) {
                // Refused moves are part of the property: they must leave no trace.
            }
        }
        for (String sku : skus) {
            balancesEqualTheSumOfMoves(sku);
        }
        serialsAreInOnePlaceAndAddUp(skus.get(2));
        inventoryValueEqualsTheAccounts(skus);
    }

    private StockMoveRequest request(Move move, Map<LocationType, Long> warehouse, List<String> skus) {
        boolean serialized = move.product() == 2;
        LocationType to = move.from() == null && move.to() == null ? LocationType.SELLABLE : move.to();
        Long from = move.from() == null ? null : warehouse.get(move.from());
        Long destination = to == null ? null : warehouse.get(to);
        boolean entersBooks = move.from() == null || move.from().isVirtual();
        Long valueAtDestination = move.writeDown() && to == LocationType.LIQUIDATION && !entersBooks ? 0L : null;
        StockMoveRequest request = StockMoveRequest.move(UUID.randomUUID().toString(), skus.get(move.product()),
                serialized ? "SN-" + move.serial() : null, serialized ? 1 : move.quantity(), from, destination,
                reason(move.from(), to), Reference.adjustment("property"), "property-test")
                .atUnitCost(move.unitCost());
        return valueAtDestination == null ? request : request.writtenDownTo(valueAtDestination);
    }

    /** The reason decides the account on the outside of the books; inside, the places do. */
    private static MoveReason reason(LocationType from, LocationType to) {
        if (from == null) {
            return MoveReason.PURCHASE_RECEIPT;
        }
        if (to == null) {
            return from == LocationType.VENDOR_RETURN ? MoveReason.VENDOR_SHIPMENT : MoveReason.COUNT_ADJUSTMENT;
        }
        return switch (to) {
            case CUSTOMER -> MoveReason.SALE_SHIPMENT;
            case SCRAPPED -> MoveReason.SCRAP;
            case LIQUIDATION -> MoveReason.LIQUIDATE;
            default -> from == LocationType.CUSTOMER ? MoveReason.RETURN_RECEIPT : MoveReason.TRANSFER;
        };
    }

    private void balancesEqualTheSumOfMoves(String sku) {
        Map<Long, Integer> moved = new HashMap<>();
        db.selectFrom(STOCK_MOVE).where(STOCK_MOVE.SKU.eq(sku)).forEach(move -> {
            if (move.getToLocationId() != null) {
                moved.merge(move.getToLocationId(), move.getQuantity(), Integer::sum);
            }
            if (move.getFromLocationId() != null) {
                moved.merge(move.getFromLocationId(), -move.getQuantity(), Integer::sum);
            }
        });
        Map<Long, Boolean> virtual = db.select(LOCATION.ID, LOCATION.VIRTUAL).from(LOCATION)
                .where(LOCATION.ID.in(moved.keySet())).fetchMap(LOCATION.ID, LOCATION.VIRTUAL);
        Map<Long, Integer> balances = db.selectFrom(STOCK_BALANCE).where(STOCK_BALANCE.SKU.eq(sku))
                .and(STOCK_BALANCE.QUANTITY.ne(0)).fetchMap(STOCK_BALANCE.LOCATION_ID, STOCK_BALANCE.QUANTITY);
        Map<Long, Integer> expected = new HashMap<>();
        moved.forEach((location, quantity) -> {
            if (!virtual.get(location) && quantity != 0) {
                expected.put(location, quantity);
            }
        });
        assertThat(balances).as("balances of %s", sku).isEqualTo(expected);
        assertThat(expected.values()).allMatch(quantity -> quantity > 0);
    }

    private void serialsAreInOnePlaceAndAddUp(String sku) {
        Map<Long, Integer> unitsByPlace = new HashMap<>();
        db.selectFrom(SERIAL_UNIT).where(SERIAL_UNIT.SKU.eq(sku)).and(SERIAL_UNIT.LOCATION_ID.isNotNull())
                .forEach(unit -> unitsByPlace.merge(unit.getLocationId(), 1, Integer::sum));
        Map<Long, Integer> balances = db.selectFrom(STOCK_BALANCE).where(STOCK_BALANCE.SKU.eq(sku))
                .and(STOCK_BALANCE.QUANTITY.ne(0)).fetchMap(STOCK_BALANCE.LOCATION_ID, STOCK_BALANCE.QUANTITY);
        assertThat(unitsByPlace).as("serial units per place").isEqualTo(balances);
    }

    private void inventoryValueEqualsTheAccounts(List<String> skus) {
        Map<String, Long> stockValue = new HashMap<>();
        db.select(LOCATION.TYPE, STOCK_BALANCE.VALUE_MINOR).from(STOCK_BALANCE)
                .join(LOCATION).on(LOCATION.ID.eq(STOCK_BALANCE.LOCATION_ID))
                .where(STOCK_BALANCE.SKU.in(skus))
                .forEach(row -> stockValue.merge(PostingRules.accountOf(LocationType.valueOf(row.value1()), null),
                        row.value2(), Long::sum));
        List<String> moveIds = db.select(STOCK_MOVE.ID).from(STOCK_MOVE).where(STOCK_MOVE.SKU.in(skus))
                .fetch(row -> String.valueOf(row.value1()));
        Map<String, Long> accounts = new HashMap<>();
        List<Long> unbalanced = new ArrayList<>();
        db.select(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.ACCOUNT_CODE, JOURNAL_LINE.DEBIT_MINOR, JOURNAL_LINE.CREDIT_MINOR)
                .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_ENTRY.SOURCE_TYPE.eq("STOCK_MOVE")).and(JOURNAL_ENTRY.SOURCE_ID.in(moveIds))
                .forEach(line -> accounts.merge(line.value2(), line.value3() - line.value4(), Long::sum));
        db.select(JOURNAL_LINE.ENTRY_ID).from(JOURNAL_LINE).join(JOURNAL_ENTRY)
                .on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_ENTRY.SOURCE_TYPE.eq("STOCK_MOVE")).and(JOURNAL_ENTRY.SOURCE_ID.in(moveIds))
                .groupBy(JOURNAL_LINE.ENTRY_ID)
                .having(DSL.sum(JOURNAL_LINE.DEBIT_MINOR).ne(DSL.sum(JOURNAL_LINE.CREDIT_MINOR)))
                .forEach(row -> unbalanced.add(row.value1()));

        assertThat(unbalanced).as("entries that do not balance").isEmpty();
        for (String account : List.of("1300", "1310", "1320", "1330")) {
            assertThat(accounts.getOrDefault(account, 0L)).as("account %s", account)
                    .isEqualTo(stockValue.getOrDefault(account, 0L));
        }
    }
}
