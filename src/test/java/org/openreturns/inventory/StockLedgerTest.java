package org.openreturns.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openreturns.catalog.LocationType.CUSTOMER;
import static org.openreturns.catalog.LocationType.LIQUIDATION;
import static org.openreturns.catalog.LocationType.QUARANTINE;
import static org.openreturns.catalog.LocationType.RETURNS_RECEIVING;
import static org.openreturns.catalog.LocationType.SELLABLE;
import static org.openreturns.db.Tables.JOURNAL_LINE;
import static org.openreturns.db.Tables.STOCK_MOVE;
import static org.openreturns.inventory.LedgerFixtures.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.springframework.beans.factory.annotation.Autowired;

/** The stock ledger on PostgreSQL: balances, values, serials, concurrency, idempotency and the entries it posts. */
@ReturnsIntegrationTest
class StockLedgerTest {

    @Autowired
    StockLedger ledger;
    @Autowired
    Journal journal;
    @Autowired
    DSLContext db;

    Map<LocationType, Long> warehouse;
    String sku;

    @BeforeEach
    void setUp() {
        LedgerFixtures fixtures = new LedgerFixtures(db);
        warehouse = fixtures.warehouse();
        sku = fixtures.product(false);
    }

    @Test
    void purchasedStockIsSellableAndValuedAtItsCost() {
        ledger.record(move(sku, null, 3, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1000L));

        assertThat(ledger.availableToSell(sku)).isEqualTo(3);
        assertThat(entriesOf(sku)).singleElement().satisfies(entry -> assertThat(entry.lines()).containsExactly(
                new JournalEntryView.LineView("1300", 3000, 0), new JournalEntryView.LineView("2000", 0, 3000)));
    }

    @Test
    void aReturnedUnitIsNotAvailableToSellUntilItIsRestocked() {
        long receipt = ledger.record(move(sku, null, 1, warehouse.get(CUSTOMER), warehouse.get(RETURNS_RECEIVING),
                MoveReason.RETURN_RECEIPT, 1000L)).moveId();
        ledger.record(move(sku, null, 1, warehouse.get(RETURNS_RECEIVING), warehouse.get(QUARANTINE),
                MoveReason.QUARANTINE, null));

        assertThat(ledger.availableToSell(sku)).isZero();
        assertThat(ledger.onHand(sku)).extracting(OnHand::locationType).containsExactly(QUARANTINE);

        ledger.record(move(sku, null, 1, warehouse.get(QUARANTINE), warehouse.get(SELLABLE), MoveReason.RESTOCK, null));

        assertThat(ledger.availableToSell(sku)).isEqualTo(1);
        assertThat(entriesOf(sku)).extracting(JournalEntryView::lines).containsExactly(
                List.of(new JournalEntryView.LineView("1310", 1000, 0), new JournalEntryView.LineView("5000", 0, 1000)),
                List.of(new JournalEntryView.LineView("1300", 1000, 0), new JournalEntryView.LineView("1310", 0, 1000)));
        assertThat(receipt).isPositive();
    }

    @Test
    void movesTakeTheMovingAverageCostOfTheirSource() {
        ledger.record(move(sku, null, 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1000L));
        ledger.record(move(sku, null, 2, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1300L));

        RecordedMove sale = ledger.record(move(sku, null, 1, warehouse.get(SELLABLE), warehouse.get(CUSTOMER),
                MoveReason.SALE_SHIPMENT, null));

        assertThat(sale.valueMinor()).isEqualTo(1200);
    }

    @Test
    void aLiquidationWritesTheUnitDownToItsNetRealisableValue() {
        ledger.record(move(sku, null, 1, warehouse.get(CUSTOMER), warehouse.get(QUARANTINE),
                MoveReason.RETURN_RECEIPT, 1000L));
        StockMoveRequest liquidate = StockMoveRequest.between(UUID.randomUUID().toString(), sku, null, 1,
                warehouse.get(QUARANTINE), warehouse.get(LIQUIDATION), MoveReason.LIQUIDATE,
                Reference.adjustment("test"), "tester").writtenDownTo(300L);

        RecordedMove recorded = ledger.record(liquidate);

        assertThat(recorded.writeDownMinor()).isEqualTo(700);
        assertThat(entriesOf(sku).get(1).lines()).containsExactly(new JournalEntryView.LineView("1330", 300, 0),
                new JournalEntryView.LineView("5100", 700, 0), new JournalEntryView.LineView("1310", 0, 1000));
    }

    @Test
    void aMoveOfMoreThanTheSourceHoldsIsRefusedAndChangesNothing() {
        ledger.record(move(sku, null, 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1000L));

        assertThatThrownBy(() -> ledger.record(List.of(
                move(sku, null, 1, warehouse.get(SELLABLE), warehouse.get(CUSTOMER), MoveReason.SALE_SHIPMENT, null),
                move(sku, null, 1, warehouse.get(SELLABLE), warehouse.get(CUSTOMER), MoveReason.SALE_SHIPMENT, null))))
                .isInstanceOf(StockMoveException.class)
                .hasMessageContaining("Not enough stock: " + sku).hasMessageContaining("holds 0, the move needs 1");

        assertThat(ledger.availableToSell(sku)).isEqualTo(1);
        assertThat(db.fetchCount(STOCK_MOVE, STOCK_MOVE.SKU.eq(sku))).isEqualTo(1);
    }

    @Test
    void aMoveOutOfAPlaceThatNeverHeldTheSkuIsRefused() {
        assertThatThrownBy(() -> ledger.record(move(sku, null, 1, warehouse.get(QUARANTINE), warehouse.get(SELLABLE),
                MoveReason.RESTOCK, null)))
                .isInstanceOf(StockMoveException.class)
                .hasMessageContaining("Not enough stock: " + sku).hasMessageContaining("holds 0, the move needs 1");

        assertThat(ledger.onHand(sku)).isEmpty();
        assertThat(db.fetchCount(STOCK_MOVE, STOCK_MOVE.SKU.eq(sku))).isZero();
    }

    @Test
    void ofTwoConcurrentMovesOfTheLastUnitOneSucceedsAndTheOtherIsRefused() throws Exception {
        ledger.record(move(sku, null, 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1000L));
        Callable<String> sell = () -> {
            try {
                ledger.record(move(sku, null, 1, warehouse.get(SELLABLE), warehouse.get(CUSTOMER),
                        MoveReason.SALE_SHIPMENT, null));
                return "moved";
            } catch (StockMoveException refused) {
                return refused.getMessage();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = pool.invokeAll(List.of(sell, sell));
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("moved",
                    "Not enough stock: " + sku + " at " + warehouseCode() + " SELLABLE holds 0, the move needs 1");
        } finally {
            pool.shutdown();
        }
        assertThat(ledger.availableToSell(sku)).isZero();
    }

    @Test
    void aSerializedUnitIsInExactlyOnePlace() {
        String watch = new LedgerFixtures(db).product(true);
        ledger.record(move(watch, "SN-1", 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 40000L));

        assertThatThrownBy(() -> ledger.record(move(watch, "SN-1", 1, null, warehouse.get(SELLABLE),
                MoveReason.PURCHASE_RECEIPT, 40000L)))
                .hasMessageContaining("Serial SN-1 of " + watch + " is at " + warehouseCode() + " SELLABLE");
        assertThatThrownBy(() -> ledger.record(move(watch, "SN-1", 1, warehouse.get(QUARANTINE),
                warehouse.get(SELLABLE), MoveReason.RESTOCK, null)))
                .isInstanceOf(StockMoveException.class);
        assertThatThrownBy(() -> ledger.record(move(watch, null, 1, null, warehouse.get(SELLABLE),
                MoveReason.PURCHASE_RECEIPT, 40000L))).hasMessageContaining("is serialized");

        ledger.record(move(watch, "SN-1", 1, warehouse.get(SELLABLE), warehouse.get(CUSTOMER), MoveReason.SALE_SHIPMENT,
                null));
        ledger.record(move(watch, "SN-1", 1, warehouse.get(CUSTOMER), warehouse.get(RETURNS_RECEIVING),
                MoveReason.RETURN_RECEIPT, 40000L));
        assertThat(ledger.onHand(watch)).extracting(OnHand::locationType).containsExactly(RETURNS_RECEIVING);
    }

    @Test
    void theLedgerSaysWhyItWouldRefuseMovesWithoutRecordingAnythingAndChecksOnlyMovesNotRecordedYet() {
        String watch = new LedgerFixtures(db).product(true);
        StockMoveRequest bought = move(watch, "SN-1", 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT,
                40000L);
        StockMoveRequest returned = move(watch, "SN-1", 1, warehouse.get(CUSTOMER), warehouse.get(RETURNS_RECEIVING),
                MoveReason.RETURN_RECEIPT, 40000L);

        assertThat(ledger.refusal(List.of(bought, returned))).hasValueSatisfying(problem -> assertThat(problem)
                .contains("Serial SN-1 of " + watch + " is at " + warehouseCode() + " SELLABLE"));
        assertThat(ledger.onHand(watch)).isEmpty();
        assertThat(db.fetchCount(STOCK_MOVE, STOCK_MOVE.SKU.eq(watch))).isZero();

        assertThat(ledger.refusal(List.of(bought))).isEmpty();
        ledger.record(bought);
        assertThat(ledger.refusal(List.of(bought))).as("a move recorded already is not checked again").isEmpty();
        assertThat(ledger.refusal(List.of(returned))).isPresent();
    }

    @Test
    void recordingTheSameIdempotencyKeyTwiceRecordsOneMoveAndOneEntry() {
        StockMoveRequest receipt = move(sku, null, 2, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 500L);

        RecordedMove first = ledger.record(receipt);
        RecordedMove again = ledger.record(receipt);

        assertThat(first.recordedNow()).isTrue();
        assertThat(again.recordedNow()).isFalse();
        assertThat(again.moveId()).isEqualTo(first.moveId());
        assertThat(ledger.availableToSell(sku)).isEqualTo(2);
        assertThat(entriesOf(sku)).hasSize(1);
    }

    @Test
    void movesAndEntriesAreAppendOnlyAndAnUnbalancedEntryIsRefusedByTheDatabase() {
        long moveId = ledger.record(move(sku, null, 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT,
                1000L)).moveId();

        assertThatThrownBy(() -> db.update(STOCK_MOVE).set(STOCK_MOVE.QUANTITY, 5).where(STOCK_MOVE.ID.eq(moveId))
                .execute()).hasMessageContaining("stock_move is append-only");
        assertThatThrownBy(() -> db.deleteFrom(JOURNAL_LINE).where(JOURNAL_LINE.ENTRY_ID.eq(
                entriesOf(sku).get(0).id())).execute()).hasMessageContaining("journal_line is append-only");
        long entryId = entriesOf(sku).get(0).id();
        assertThatThrownBy(() -> db.insertInto(JOURNAL_LINE).columns(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO,
                        JOURNAL_LINE.ACCOUNT_CODE, JOURNAL_LINE.DEBIT_MINOR, JOURNAL_LINE.CREDIT_MINOR)
                .values(entryId, 9, "1300", 1L, 0L).execute())
                .hasMessageContaining("does not balance");
    }

    @Test
    void aCorrectionIsAReversingEntry() {
        ledger.record(move(sku, null, 1, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1000L));
        long original = entriesOf(sku).get(0).id();

        journal.reverse(original, "posted against the wrong supplier", "finance1");

        List<JournalEntryView> entries = entriesOf(sku);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).reversesEntryId()).isEqualTo(original);
        assertThat(entries.get(1).lines()).containsExactly(new JournalEntryView.LineView("1300", 0, 1000),
                new JournalEntryView.LineView("2000", 1000, 0));
    }

    private List<JournalEntryView> entriesOf(String sku) {
        List<Long> moveIds = db.select(STOCK_MOVE.ID).from(STOCK_MOVE).where(STOCK_MOVE.SKU.eq(sku))
                .orderBy(STOCK_MOVE.ID).fetch(STOCK_MOVE.ID);
        return moveIds.stream().flatMap(id -> journal.entriesOfSource(JournalEntryDraft.SourceType.STOCK_MOVE,
                String.valueOf(id)).stream()).toList();
    }

    private String warehouseCode() {
        return db.select(org.openreturns.db.Tables.LOCATION.WAREHOUSE_CODE).from(org.openreturns.db.Tables.LOCATION)
                .where(org.openreturns.db.Tables.LOCATION.ID.eq(warehouse.get(SELLABLE))).fetchOne().value1();
    }
}
