package org.openreturns.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openreturns.catalog.LocationType.CUSTOMER;
import static org.openreturns.catalog.LocationType.QUARANTINE;
import static org.openreturns.catalog.LocationType.SELLABLE;
import static org.openreturns.db.Tables.AVAILABILITY_OUTBOX;
import static org.openreturns.db.Tables.CHANNEL_STOCK_LINE;
import static org.openreturns.db.Tables.CHANNEL_STOCK_REPORT;
import static org.openreturns.db.Tables.INSPECTION;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PURCHASE_ORDER;
import static org.openreturns.db.Tables.PURCHASE_ORDER_LINE;
import static org.openreturns.db.Tables.PURCHASE_RECEIPT;
import static org.openreturns.db.Tables.PURCHASE_RECEIPT_LINE;
import static org.openreturns.db.Tables.RECONCILIATION_BREAK;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.STOCK_MOVE;
import static org.openreturns.db.Tables.SALES_CHANNEL;
import static org.openreturns.db.Tables.STOCK_BALANCE;
import static org.openreturns.db.Tables.STOCK_TRANSFER;
import static org.openreturns.db.Tables.STOCK_TRANSFER_LINE;
import static org.openreturns.inventory.LedgerFixtures.move;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.OrderShipments;
import org.openreturns.orders.ShipmentRequest;
import org.openreturns.refunds.HoldRequest;
import org.openreturns.refunds.RefundFixtures;
import org.openreturns.refunds.RefundService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Each check finds the break planted for it and stays quiet on clean data. The class has a database of its own
 * (the property below makes a separate application context), so the other tests' data does not show up here;
 * planted breaks in shared figures are undone after each test.
 */
@ReturnsIntegrationTest
@TestPropertySource(properties = "returns.test.database=reconciliation-checks")
class ReconciliationChecksTest {

    @Autowired
    ReconciliationChecks checks;
    @Autowired
    StockLedger ledger;
    @Autowired
    StockReports reports;
    @Autowired
    RefundService refunds;
    @Autowired
    OrderService orders;
    @Autowired
    Journal journal;
    @Autowired
    DSLContext db;
    @Autowired
    OrderShipments shipments;
    @Autowired
    ReconciliationRepository breaks;

    Map<LocationType, Long> warehouse;
    String sku;

    @BeforeEach
    void cleanStock() {
        LedgerFixtures fixtures = new LedgerFixtures(db);
        warehouse = fixtures.warehouse();
        sku = fixtures.product(false);
        ledger.record(move(sku, null, 5, null, warehouse.get(SELLABLE), MoveReason.PURCHASE_RECEIPT, 1000L));
        ledger.record(move(sku, null, 1, warehouse.get(SELLABLE), warehouse.get(CUSTOMER), MoveReason.SALE_SHIPMENT,
                null));
    }

    @Test
    void cleanLedgersRaiseNoBreak() {
        assertThat(aboutThisSku(checks.balancesAgainstMoves())).isEmpty();
        assertThat(checks.valuesAgainstAccounts()).isEmpty();
        assertThat(checks.returnMoves()).isEmpty();
        assertThat(checks.refunds()).isEmpty();
        assertThat(aboutThisSku(checks.overdueInReturns(OffsetDateTime.now().minusHours(48)))).isEmpty();
        assertThat(aboutThisSku(checks.countsAgainstLedger())).isEmpty();
        assertThat(aboutThisSku(checks.channelStockAgainstAvailable())).isEmpty();
        assertThat(aboutThisSku(checks.receivedAgainstOrdered(OffsetDateTime.now().minusDays(7)))).isEmpty();
    }

    @Test
    void aBalanceThatDisagreesWithItsMovesIsFound() {
        withBalanceChanged(4, 5, 4000, () -> assertThat(aboutThisSku(checks.balancesAgainstMoves()))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.type()).isEqualTo(CheckType.BALANCE_VS_MOVES);
                    assertThat(finding.sku()).isEqualTo(sku);
                    assertThat(finding.expected()).isEqualTo(4);
                    assertThat(finding.actual()).isEqualTo(5);
                }));
    }

    @Test
    void movesThatTakeMoreOutOfAPlaceThanEverArrivedAreANegativeBalance() {
        long quarantine = warehouse.get(QUARANTINE);
        insertRawMove(quarantine, null);
        try {
            assertThat(aboutThisSku(checks.balancesAgainstMoves())).extracting(Finding::type)
                    .containsExactlyInAnyOrder(CheckType.NEGATIVE_BALANCE, CheckType.BALANCE_VS_MOVES);
        } finally {
            insertRawMove(null, quarantine);
        }
        assertThat(aboutThisSku(checks.balancesAgainstMoves())).isEmpty();
    }

    @Test
    void aReceivedReturnLineNeedsItsReceiptMoveAndAResolvedOneItsDispositionMove() {
        RefundFixtures.Line line = new RefundFixtures(db, orders).returnedLine("25.00");
        String reference = line.returnId() + "#1";
        assertThat(checks.returnMoves()).extracting(Finding::type, Finding::reference)
                .containsExactly(tuple(CheckType.RECEIPT_MOVE_MISSING, reference));

        ledger.record(returnMove(line, MoveReason.RETURN_RECEIPT, warehouse.get(CUSTOMER), warehouse.get(QUARANTINE)));
        assertThat(checks.returnMoves()).isEmpty();

        db.update(RETURN_REQUEST).set(RETURN_REQUEST.STATUS, "CLOSED").where(RETURN_REQUEST.ID.eq(line.returnId()))
                .execute();
        db.update(RETURN_LINE).set(RETURN_LINE.DISPOSITION, "RESTOCK").where(RETURN_LINE.RETURN_ID.eq(line.returnId()))
                .execute();
        assertThat(checks.returnMoves()).extracting(Finding::type, Finding::reference)
                .containsExactly(tuple(CheckType.DISPOSITION_MOVE_MISSING, reference));

        ledger.record(returnMove(line, MoveReason.RESTOCK, warehouse.get(QUARANTINE), warehouse.get(SELLABLE)));
        assertThat(checks.returnMoves()).isEmpty();
    }

    private StockMoveRequest returnMove(RefundFixtures.Line line, MoveReason reason, long from, long to) {
        return StockMoveRequest.between(UUID.randomUUID().toString(), sku, null, 1, from, to, reason,
                Reference.returnLine(line.returnId(), 1), "warehouse1").atUnitCost(1000L);
    }

    /** A move written past the ledger's service, as a faulty import or a manual fix would. */
    private void insertRawMove(Long from, Long to) {
        db.insertInto(STOCK_MOVE)
                .set(STOCK_MOVE.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).set(STOCK_MOVE.SKU, sku)
                .set(STOCK_MOVE.QUANTITY, 1).set(STOCK_MOVE.FROM_LOCATION_ID, from).set(STOCK_MOVE.TO_LOCATION_ID, to)
                .set(STOCK_MOVE.REASON, "COUNT_ADJUSTMENT").set(STOCK_MOVE.REFERENCE_TYPE, "ADJUSTMENT")
                .set(STOCK_MOVE.REFERENCE_ID, "raw").set(STOCK_MOVE.VALUE_MINOR, 0L).set(STOCK_MOVE.CURRENCY, "EUR")
                .set(STOCK_MOVE.MOVED_BY, "someone").set(STOCK_MOVE.MOVED_AT, OffsetDateTime.now()).execute();
    }

    @Test
    void stockValueThatDisagreesWithItsInventoryAccountIsFound() {
        withBalanceChanged(4, 4, 4500, () -> assertThat(checks.valuesAgainstAccounts())
                .singleElement().satisfies(finding -> {
                    assertThat(finding.accountCode()).isEqualTo("1300");
                    assertThat(finding.difference()).isEqualTo(-500);
                }));
    }

    @Test
    void stockWaitingInQuarantinePastTheSlaIsFound() {
        ledger.record(move(sku, null, 1, warehouse.get(SELLABLE), warehouse.get(QUARANTINE), MoveReason.BLOCK, null));

        assertThat(aboutThisSku(checks.overdueInReturns(OffsetDateTime.now().minusHours(48)))).isEmpty();
        assertThat(aboutThisSku(checks.overdueInReturns(OffsetDateTime.now().plusMinutes(1))))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.type()).isEqualTo(CheckType.OVERDUE_IN_RETURNS);
                    assertThat(finding.locationType()).isEqualTo(QUARANTINE);
                });
    }

    @Test
    void aCountThatDisagreesWithTheLedgerAtCountTimeIsFound() {
        String warehouseCode = warehouseCode();
        long countId = countOf(warehouseCode, 3);

        assertThat(aboutThisSku(checks.countsAgainstLedger())).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(CheckType.COUNT_VARIANCE);
            assertThat(finding.reference()).isEqualTo("count " + countId);
            assertThat(finding.expected()).isEqualTo(4);
            assertThat(finding.actual()).isEqualTo(3);
        });
    }

    @Test
    void aCountThatAgreesRaisesNothingEvenAfterLaterMoves() {
        countOf(warehouseCode(), 4);
        ledger.record(move(sku, null, 2, warehouse.get(SELLABLE), warehouse.get(CUSTOMER), MoveReason.SALE_SHIPMENT,
                null));

        assertThat(aboutThisSku(checks.countsAgainstLedger())).isEmpty();
    }

    @Test
    void aChannelShowingMoreThanIsAvailableToSellIsPhantomInventory() {
        db.insertInto(SALES_CHANNEL).set(SALES_CHANNEL.CODE, "WEB").set(SALES_CHANNEL.NAME, "Web shop")
                .set(SALES_CHANNEL.CREATED_AT, OffsetDateTime.now()).onConflictDoNothing().execute();
        reportChannelStock(4);
        assertThat(aboutThisSku(checks.channelStockAgainstAvailable())).isEmpty();

        reportChannelStock(6);
        assertThat(aboutThisSku(checks.channelStockAgainstAvailable())).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(CheckType.PHANTOM_INVENTORY);
            assertThat(finding.expected()).isEqualTo(4);
            assertThat(finding.actual()).isEqualTo(6);
        });
        reportChannelStock(4);
    }

    @Test
    void aChannelShowingMoreThanItWasLastToldIsFoundEvenWithinWhatIsAvailable() {
        db.insertInto(SALES_CHANNEL).set(SALES_CHANNEL.CODE, "WEB").set(SALES_CHANNEL.NAME, "Web shop")
                .set(SALES_CHANNEL.CREATED_AT, OffsetDateTime.now()).onConflictDoNothing().execute();
        OffsetDateTime accepted = OffsetDateTime.now().minusMinutes(5);
        db.insertInto(AVAILABILITY_OUTBOX).set(AVAILABILITY_OUTBOX.CHANNEL, "WEB").set(AVAILABILITY_OUTBOX.SKU, sku)
                .set(AVAILABILITY_OUTBOX.AVAILABLE_TO_SELL, 3).set(AVAILABILITY_OUTBOX.SEQUENCE, 41L)
                .set(AVAILABILITY_OUTBOX.AS_OF, accepted).set(AVAILABILITY_OUTBOX.NEXT_ATTEMPT_AT, accepted)
                .set(AVAILABILITY_OUTBOX.DELIVERED_SEQUENCE, 41L).set(AVAILABILITY_OUTBOX.DELIVERED_AT, accepted)
                .execute();
        try {
            reportChannelStock(3);
            assertThat(aboutThisSku(checks.channelStockAgainstAvailable())).as("showing what it was told").isEmpty();

            reportChannelStock(4);
            assertThat(aboutThisSku(checks.channelStockAgainstAvailable())).singleElement().satisfies(finding -> {
                assertThat(finding.type()).isEqualTo(CheckType.CHANNEL_ABOVE_PUBLISHED);
                assertThat(finding.expected()).isEqualTo(3);
                assertThat(finding.actual()).isEqualTo(4);
                assertThat(finding.explanation()).contains("WEB shows 4", "last told 3", "sequence 41");
            });

            db.update(AVAILABILITY_OUTBOX).set(AVAILABILITY_OUTBOX.PENDING_SINCE, OffsetDateTime.now())
                    .where(AVAILABILITY_OUTBOX.CHANNEL.eq("WEB").and(AVAILABILITY_OUTBOX.SKU.eq(sku))).execute();
            assertThat(aboutThisSku(checks.channelStockAgainstAvailable()))
                    .as("a newer figure is on its way; the outbox's state shows the channel is behind").isEmpty();
        } finally {
            db.deleteFrom(AVAILABILITY_OUTBOX).where(AVAILABILITY_OUTBOX.CHANNEL.eq("WEB")
                    .and(AVAILABILITY_OUTBOX.SKU.eq(sku))).execute();
        }
    }

    @Test
    void moneyReleasedForALineWhoseInspectionNoLongerPassesIsLeakage() {
        RefundFixtures fixtures = new RefundFixtures(db, orders);
        RefundFixtures.Line line = fixtures.returnedLine("59.90");
        fixtures.passedInspection(line);
        long refundId = refunds.hold(HoldRequest.full(RefundFixtures.key(), line.returnId(), 1), "quality1").id();
        refunds.approve(refundId, "finance1");
        refunds.release(refundId, "finance1");
        assertThat(checks.refunds()).isEmpty();

        var inspection = INSPECTION.RETURN_ID.eq(line.returnId());
        db.update(INSPECTION).set(INSPECTION.SKU_MATCHES, false).where(inspection).execute();
        try {
            assertThat(checks.refunds()).singleElement().satisfies(finding -> {
                assertThat(finding.type()).isEqualTo(CheckType.REFUND_LEAKAGE);
                assertThat(finding.actual()).isEqualTo(5990);
            });
        } finally {
            db.update(INSPECTION).set(INSPECTION.SKU_MATCHES, true).where(inspection).execute();
        }
    }

    @Test
    void refundsPayableThatDisagreesWithTheRefundsIsFound() {
        journal.post(List.of(new JournalEntryDraft(UUID.randomUUID().toString(), "MISTAKE",
                JournalEntryDraft.SourceType.MANUAL, "test", null, null, "EUR", "planted",
                List.of(JournalEntryDraft.Line.debit("1000", 700), JournalEntryDraft.Line.credit("2100", 700)))),
                "finance1");
        long planted = journal.entriesOfSource(JournalEntryDraft.SourceType.MANUAL, "test").get(0).id();
        try {
            assertThat(checks.refunds()).singleElement().satisfies(finding -> {
                assertThat(finding.type()).isEqualTo(CheckType.REFUNDS_PAYABLE_MISMATCH);
                assertThat(finding.difference()).isEqualTo(700);
            });
        } finally {
            journal.reverse(planted, "planted by a test", "finance1");
        }
        assertThat(checks.refunds()).isEmpty();
    }

    @Test
    void ordinaryShipmentsAndCancellationsRaiseNoShipmentBreak() {
        String orderNumber = undeliveredOrderOf(3);
        ship(orderNumber, "SHP-1-" + orderNumber, 2);
        ship(orderNumber, "SHP-2-" + orderNumber, 1);

        assertThat(aboutThisSku(checks.shippedAgainstSold())).isEmpty();
        assertThat(checks.shippedAgainstSold()).filteredOn(f -> f.reference().contains(orderNumber)).isEmpty();
    }

    @Test
    void aShipmentMoveRecordedPastTheLedgerThatShipsMoreThanWasSoldIsFound() {
        String orderNumber = undeliveredOrderOf(2);
        ship(orderNumber, "SHP-" + orderNumber, 2);
        long orderId = orders.order(orderNumber, "WEB", false).id();

        // A faulty import writes a third unit of the line as shipped, straight into the moves.
        db.insertInto(STOCK_MOVE)
                .set(STOCK_MOVE.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).set(STOCK_MOVE.SKU, sku)
                .set(STOCK_MOVE.QUANTITY, 1).set(STOCK_MOVE.TO_LOCATION_ID, warehouse.get(CUSTOMER))
                .set(STOCK_MOVE.REASON, "SALE_SHIPMENT").set(STOCK_MOVE.REFERENCE_TYPE, "ORDER")
                .set(STOCK_MOVE.REFERENCE_ID, String.valueOf(orderId)).set(STOCK_MOVE.REFERENCE_LINE, 1)
                .set(STOCK_MOVE.VALUE_MINOR, 0L).set(STOCK_MOVE.CURRENCY, "EUR")
                .set(STOCK_MOVE.MOVED_BY, "someone").set(STOCK_MOVE.MOVED_AT, OffsetDateTime.now()).execute();

        assertThat(aboutThisSku(checks.shippedAgainstSold())).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(CheckType.SHIPPED_VS_SOLD);
            assertThat(finding.reference()).isEqualTo("order " + orderId + "#1");
            assertThat(finding.expected()).isEqualTo(2);
            assertThat(finding.actual()).isEqualTo(3);
            assertThat(finding.explanation()).contains(orderNumber, "3 in shipment moves", "2 in recorded shipments");
        });
    }

    @Test
    void aShipmentWhoseCostOfGoodsSoldDisagreesWithItsMovesIsFound() {
        String orderNumber = undeliveredOrderOf(2);
        ship(orderNumber, "SHP-" + orderNumber, 2);
        long moveId = ledger.recordedMove("shipment-SHP-" + orderNumber + "-line-1").orElseThrow().moveId();
        assertThat(checks.shippedAgainstSold()).filteredOn(f -> f.reference().contains(orderNumber)).isEmpty();

        // A manual posting against the shipment's move: cost of goods sold no longer equals what left the stock.
        journal.post(List.of(new JournalEntryDraft(UUID.randomUUID().toString(), "MISTAKE",
                JournalEntryDraft.SourceType.STOCK_MOVE, String.valueOf(moveId), null, null, "EUR", "planted",
                List.of(JournalEntryDraft.Line.debit("5000", 300), JournalEntryDraft.Line.credit("5300", 300)))),
                "finance1");

        assertThat(checks.shippedAgainstSold()).filteredOn(f -> f.reference().contains(orderNumber))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.type()).isEqualTo(CheckType.SHIPMENT_COGS_MISMATCH);
                    assertThat(finding.accountCode()).isEqualTo("5000");
                    // Two of four units worth 4,000 in sellable stock.
                    assertThat(finding.expected()).isEqualTo(2000);
                    assertThat(finding.actual()).isEqualTo(2300);
                });
    }

    @Test
    void unitsReservedForAnOrderAreNotAvailableToShowOnAChannel() {
        undeliveredOrderOf(3);
        reportChannelStock(2);

        assertThat(aboutThisSku(checks.channelStockAgainstAvailable())).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(CheckType.PHANTOM_INVENTORY);
            assertThat(finding.expected()).isEqualTo(1);
            assertThat(finding.actual()).isEqualTo(2);
        });
        reportChannelStock(0);
    }

    @Test
    void aTransferInTransitLongerThanAllowedIsFound() {
        String transferId = "TR-" + UUID.randomUUID();
        OffsetDateTime sent = OffsetDateTime.now().minusDays(6);
        db.insertInto(STOCK_TRANSFER).set(STOCK_TRANSFER.TRANSFER_ID, transferId)
                .set(STOCK_TRANSFER.FROM_WAREHOUSE, "WH-A").set(STOCK_TRANSFER.TO_WAREHOUSE, warehouseCode())
                .set(STOCK_TRANSFER.SHIPPED_AT, sent).set(STOCK_TRANSFER.SHIPPED_BY, "warehouse1")
                .set(STOCK_TRANSFER.RECORDED_AT, sent).execute();
        db.insertInto(STOCK_TRANSFER_LINE).set(STOCK_TRANSFER_LINE.TRANSFER_ID, transferId)
                .set(STOCK_TRANSFER_LINE.POSITION, 1).set(STOCK_TRANSFER_LINE.SKU, sku)
                .set(STOCK_TRANSFER_LINE.QUANTITY, 3).execute();

        assertThat(checks.transfersInTransit(sent.minusDays(1)))
                .filteredOn(finding -> finding.reference().equals("transfer " + transferId)).isEmpty();
        assertThat(checks.transfersInTransit(OffsetDateTime.now().minusDays(5)))
                .filteredOn(finding -> finding.reference().equals("transfer " + transferId))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.type()).isEqualTo(CheckType.TRANSFER_OVERDUE);
                    assertThat(finding.locationType()).isEqualTo(LocationType.IN_TRANSIT);
                    assertThat(finding.actual()).isEqualTo(3);
                });

        db.update(STOCK_TRANSFER).set(STOCK_TRANSFER.RECEIVED_AT, OffsetDateTime.now())
                .set(STOCK_TRANSFER.RECEIVED_BY, "warehouse1").where(STOCK_TRANSFER.TRANSFER_ID.eq(transferId))
                .execute();
        assertThat(checks.transfersInTransit(OffsetDateTime.now()))
                .filteredOn(finding -> finding.reference().equals("transfer " + transferId)).isEmpty();
    }

    @Test
    void receiptsBeyondOrAgainstNothingOrderedAreFound() {
        String otherSku = new LedgerFixtures(db).product(false);
        String order = "PO-" + UUID.randomUUID();
        purchaseOrder(order, OffsetDateTime.now().minusDays(10), Map.of(1, Map.entry(sku, 5)));
        purchaseReceipt(order, Map.of(sku, 4, otherSku, 2));
        purchaseReceipt(order, Map.of(sku, 3));
        String unknownOrder = "PO-UNKNOWN-" + UUID.randomUUID();
        String unknownReceipt = purchaseReceipt(unknownOrder, Map.of(sku, 3));

        List<Finding> found = checks.receivedAgainstOrdered(OffsetDateTime.now().minusDays(7));

        assertThat(found).filteredOn(finding -> finding.reference().startsWith("purchase order " + order))
                .extracting(Finding::type, Finding::fingerprint, Finding::sku, Finding::expected, Finding::actual)
                .containsExactlyInAnyOrder(
                        tuple(CheckType.RECEIVED_VS_ORDERED, "RECEIVED_VS_ORDERED:" + order + "#1", sku, 5L, 7L),
                        tuple(CheckType.RECEIVED_VS_ORDERED, "RECEIVED_VS_ORDERED:" + order + ":" + otherSku,
                                otherSku, 0L, 2L));
        assertThat(found).filteredOn(finding -> finding.reference().equals("purchase order " + unknownOrder))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.fingerprint()).isEqualTo("RECEIVED_VS_ORDERED:UNKNOWN_ORDER:" + unknownOrder);
                    assertThat(finding.expected()).isZero();
                    assertThat(finding.actual()).isEqualTo(3);
                    assertThat(finding.explanation()).contains(unknownReceipt).contains("not registered")
                            .contains(sku);
                });

        // The break can be stored: the migration added its type to the breaks' check.
        Finding overReceived = found.stream().filter(finding -> finding.fingerprint().endsWith(order + "#1"))
                .findFirst().orElseThrow();
        long breakId = breaks.open(overReceived, breaks.startRun("test", OffsetDateTime.now()), OffsetDateTime.now());
        assertThat(db.fetchValue(RECONCILIATION_BREAK.CHECK_TYPE, RECONCILIATION_BREAK.ID.eq(breakId)))
                .isEqualTo("RECEIVED_VS_ORDERED");
        breaks.resolve(breakId, BreakStatus.ACCEPTED, "test", OffsetDateTime.now(), "planted by a test", null);
    }

    @Test
    void anOrderWithUnitsOutstandingPastItsExpectedDeliveryIsFoundUntilClosed() {
        String order = "PO-" + UUID.randomUUID();
        OffsetDateTime expected = OffsetDateTime.now().minusDays(10);
        purchaseOrder(order, expected, Map.of(1, Map.entry(sku, 4)));
        purchaseReceipt(order, Map.of(sku, 1));
        String receivedInFull = "PO-" + UUID.randomUUID();
        purchaseOrder(receivedInFull, expected, Map.of(1, Map.entry(sku, 2)));
        purchaseReceipt(receivedInFull, Map.of(sku, 2));

        assertThat(checks.receivedAgainstOrdered(expected.minusDays(1)))
                .filteredOn(finding -> finding.reference().startsWith("purchase order " + order)).isEmpty();
        assertThat(checks.receivedAgainstOrdered(OffsetDateTime.now().minusDays(7)))
                .filteredOn(finding -> finding.reference().startsWith("purchase order PO-"))
                .filteredOn(finding -> finding.reference().contains(order)
                        || finding.reference().contains(receivedInFull))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.type()).isEqualTo(CheckType.RECEIVED_VS_ORDERED);
                    assertThat(finding.fingerprint()).isEqualTo("RECEIVED_VS_ORDERED:OVERDUE:" + order + "#1");
                    assertThat(finding.reference()).isEqualTo("purchase order " + order + " line 1");
                    assertThat(finding.sku()).isEqualTo(sku);
                    assertThat(finding.expected()).isEqualTo(4);
                    assertThat(finding.actual()).isEqualTo(1);
                    assertThat(finding.explanation()).contains("3 overdue");
                });

        db.update(PURCHASE_ORDER).set(PURCHASE_ORDER.CLOSED_AT, OffsetDateTime.now())
                .set(PURCHASE_ORDER.CLOSED_BY, "inventory1").set(PURCHASE_ORDER.CLOSE_REASON, "will not come")
                .where(PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(order)).execute();
        assertThat(checks.receivedAgainstOrdered(OffsetDateTime.now()))
                .filteredOn(finding -> finding.reference().startsWith("purchase order " + order)).isEmpty();
    }

    /** A purchase order of this test's warehouse; lines by line number, each a SKU and its quantity. */
    private void purchaseOrder(String id, OffsetDateTime expectedAt, Map<Integer, Map.Entry<String, Integer>> lines) {
        db.insertInto(PURCHASE_ORDER).set(PURCHASE_ORDER.PURCHASE_ORDER_ID, id)
                .set(PURCHASE_ORDER.SUPPLIER, "SUP-TEST").set(PURCHASE_ORDER.WAREHOUSE, warehouseCode())
                .set(PURCHASE_ORDER.ORDERED_AT, expectedAt.minusDays(14)).set(PURCHASE_ORDER.EXPECTED_AT, expectedAt)
                .set(PURCHASE_ORDER.CURRENCY, "EUR").set(PURCHASE_ORDER.RECORDED_BY, "inventory1")
                .set(PURCHASE_ORDER.RECORDED_AT, expectedAt.minusDays(14)).execute();
        lines.forEach((lineNo, line) -> db.insertInto(PURCHASE_ORDER_LINE)
                .set(PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID, id).set(PURCHASE_ORDER_LINE.LINE_NO, lineNo)
                .set(PURCHASE_ORDER_LINE.SKU, line.getKey()).set(PURCHASE_ORDER_LINE.QUANTITY, line.getValue())
                .set(PURCHASE_ORDER_LINE.UNIT_COST_MINOR, 1000L).execute());
    }

    /** A receipt naming the purchase order, as the receipt service records it (its stock moves do not matter here). */
    private String purchaseReceipt(String orderId, Map<String, Integer> quantitiesBySku) {
        String receiptId = "GRN-" + UUID.randomUUID();
        db.insertInto(PURCHASE_RECEIPT).set(PURCHASE_RECEIPT.RECEIPT_ID, receiptId)
                .set(PURCHASE_RECEIPT.PURCHASE_ORDER_ID, orderId).set(PURCHASE_RECEIPT.WAREHOUSE, warehouseCode())
                .set(PURCHASE_RECEIPT.RECEIVED_AT, OffsetDateTime.now()).set(PURCHASE_RECEIPT.RECORDED_BY, "warehouse1")
                .set(PURCHASE_RECEIPT.RECORDED_AT, OffsetDateTime.now()).execute();
        int position = 1;
        for (Map.Entry<String, Integer> line : new java.util.TreeMap<>(quantitiesBySku).entrySet()) {
            db.insertInto(PURCHASE_RECEIPT_LINE).set(PURCHASE_RECEIPT_LINE.RECEIPT_ID, receiptId)
                    .set(PURCHASE_RECEIPT_LINE.POSITION, position++).set(PURCHASE_RECEIPT_LINE.SKU, line.getKey())
                    .set(PURCHASE_RECEIPT_LINE.QUANTITY, line.getValue())
                    .set(PURCHASE_RECEIPT_LINE.UNIT_COST_MINOR, 1000L).set(PURCHASE_RECEIPT_LINE.CURRENCY, "EUR")
                    .execute();
        }
        return receiptId;
    }

    /** An order of this test's SKU from its warehouse, not delivered yet; its order number. */
    private String undeliveredOrderOf(int quantity) {
        db.insertInto(SALES_CHANNEL).set(SALES_CHANNEL.CODE, "WEB").set(SALES_CHANNEL.NAME, "Web shop")
                .set(SALES_CHANNEL.CREATED_AT, OffsetDateTime.now()).onConflictDoNothing().execute();
        String orderNumber = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        orders.ingest(new OrderIngestion(orderNumber, "WEB",
                new OrderIngestion.Customer("C-" + orderNumber, "anna@example.com", CustomerTier.STANDARD, null),
                OffsetDateTime.now().minusDays(1), null, "EUR", warehouseCode(),
                List.of(new OrderIngestion.Line(1, sku, quantity, new BigDecimal("25.00"), null)), null, null),
                "support1");
        return orderNumber;
    }

    private void ship(String orderNumber, String shipmentId, int quantity) {
        shipments.ship(orderNumber, "WEB", new ShipmentRequest(shipmentId, null, OffsetDateTime.now(),
                List.of(new ShipmentRequest.Line(1, quantity, null))), "warehouse1");
    }

    /** The findings about this test's SKU; other tests of the class leave theirs in the shared database. */
    private List<Finding> aboutThisSku(List<Finding> findings) {
        return findings.stream().filter(finding -> sku.equals(finding.sku())).toList();
    }

    private void reportChannelStock(int quantity) {
        long reportId = db.insertInto(CHANNEL_STOCK_REPORT).set(CHANNEL_STOCK_REPORT.CHANNEL, "WEB")
                .set(CHANNEL_STOCK_REPORT.REPORTED_AT, OffsetDateTime.now())
                .set(CHANNEL_STOCK_REPORT.RECEIVED_BY, "test").set(CHANNEL_STOCK_REPORT.RECEIVED_AT, OffsetDateTime.now())
                .returning(CHANNEL_STOCK_REPORT.ID).fetchOne(CHANNEL_STOCK_REPORT.ID);
        db.insertInto(CHANNEL_STOCK_LINE).set(CHANNEL_STOCK_LINE.REPORT_ID, reportId)
                .set(CHANNEL_STOCK_LINE.SKU, sku).set(CHANNEL_STOCK_LINE.QUANTITY, quantity).execute();
    }

    private long countOf(String warehouseCode, int quantity) {
        return reports.recordCount(new StockCountReport(warehouseCode, SELLABLE, OffsetDateTime.now(),
                List.of(new StockCountReport.Line(sku, null, quantity))), "counter1");
    }

    /** Tampers with a balance row for the duration of the check, then puts it back. */
    private void withBalanceChanged(int expectedQuantity, int quantity, long value, Runnable check) {
        var where = STOCK_BALANCE.SKU.eq(sku).and(STOCK_BALANCE.LOCATION_ID.eq(warehouse.get(SELLABLE)));
        var original = db.selectFrom(STOCK_BALANCE).where(where).fetchSingle();
        assertThat(original.getQuantity()).isEqualTo(expectedQuantity);
        db.update(STOCK_BALANCE).set(STOCK_BALANCE.QUANTITY, quantity).set(STOCK_BALANCE.VALUE_MINOR, value)
                .where(where).execute();
        try {
            check.run();
        } finally {
            db.update(STOCK_BALANCE).set(STOCK_BALANCE.QUANTITY, original.getQuantity())
                    .set(STOCK_BALANCE.VALUE_MINOR, original.getValueMinor()).where(where).execute();
        }
    }

    private String warehouseCode() {
        return db.select(LOCATION.WAREHOUSE_CODE).from(LOCATION).where(LOCATION.ID.eq(warehouse.get(SELLABLE)))
                .fetchSingle(LOCATION.WAREHOUSE_CODE);
    }
}
