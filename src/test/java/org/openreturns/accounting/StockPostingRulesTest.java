package org.openreturns.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.catalog.LocationType.BLOCKED;
import static org.openreturns.catalog.LocationType.CUSTOMER;
import static org.openreturns.catalog.LocationType.LIQUIDATION;
import static org.openreturns.catalog.LocationType.QUARANTINE;
import static org.openreturns.catalog.LocationType.REFURBISHMENT;
import static org.openreturns.catalog.LocationType.RETURNS_RECEIVING;
import static org.openreturns.catalog.LocationType.SCRAPPED;
import static org.openreturns.catalog.LocationType.SELLABLE;
import static org.openreturns.catalog.LocationType.VENDOR_RETURN;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openreturns.accounting.JournalEntryDraft.Line;
import org.openreturns.catalog.LocationType;

/** One test per posting rule of a stock move (docs/specification/accounting.md), at a unit cost of 40.00. */
class StockPostingRulesTest {

    private static final UUID RETURN_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void aUnitReceivedIntoReturnsLeavesCostOfGoodsSold() {
        assertThat(lines("RETURN_RECEIPT", CUSTOMER, RETURNS_RECEIVING, 0))
                .containsExactly(Line.debit("1310", 4000), Line.credit("5000", 4000));
    }

    @Test
    void movingFromReceivingToQuarantinePostsNothing() {
        assertThat(PostingRules.forStockMove(move("QUARANTINE", RETURNS_RECEIVING, QUARANTINE, 0))).isEmpty();
        assertThat(PostingRules.forStockMove(move("BLOCK", QUARANTINE, BLOCKED, 0))).isEmpty();
    }

    @Test
    void aRestockMovesTheValueToSellableInventory() {
        assertThat(lines("RESTOCK", QUARANTINE, SELLABLE, 0))
                .containsExactly(Line.debit("1300", 4000), Line.credit("1310", 4000));
    }

    @Test
    void aRefurbishmentMovesTheValueToRefurbishmentInventory() {
        assertThat(lines("REFURBISH", QUARANTINE, REFURBISHMENT, 0))
                .containsExactly(Line.debit("1320", 4000), Line.credit("1310", 4000));
    }

    @Test
    void scrapWritesTheValueDown() {
        assertThat(lines("SCRAP", QUARANTINE, SCRAPPED, 0))
                .containsExactly(Line.debit("5100", 4000), Line.credit("1310", 4000));
    }

    @Test
    void aLiquidationKeepsTheNetRealisableValueAndWritesDownTheRest() {
        assertThat(lines("LIQUIDATE", QUARANTINE, LIQUIDATION, 2500)).containsExactly(
                Line.debit("1330", 1500), Line.debit("5100", 2500), Line.credit("1310", 4000));
    }

    @Test
    void aVendorReturnBecomesAClaimOnTheSupplier() {
        assertThat(lines("VENDOR_RETURN", QUARANTINE, VENDOR_RETURN, 0))
                .containsExactly(Line.debit("1400", 4000), Line.credit("1310", 4000));
    }

    @Test
    void shippingTheVendorReturnLeavesTheClaimOpen() {
        assertThat(PostingRules.forStockMove(move("VENDOR_SHIPMENT", VENDOR_RETURN, null, 0))).isEmpty();
    }

    @Test
    void aReplacementShippedIsAServiceRecoveryCost() {
        assertThat(lines("REPLACEMENT_SHIPMENT", SELLABLE, CUSTOMER, 0))
                .containsExactly(Line.debit("5200", 4000), Line.credit("1300", 4000));
    }

    @Test
    void aSaleIsCostOfGoodsSold() {
        assertThat(lines("SALE_SHIPMENT", SELLABLE, CUSTOMER, 0))
                .containsExactly(Line.debit("5000", 4000), Line.credit("1300", 4000));
    }

    @Test
    void purchasedAndOpeningStockIsOwedToTheSupplierUntilInvoiced() {
        assertThat(lines("PURCHASE_RECEIPT", null, SELLABLE, 0))
                .containsExactly(Line.debit("1300", 4000), Line.credit("2000", 4000));
        assertThat(lines("OPENING_BALANCE", null, SELLABLE, 0))
                .containsExactly(Line.debit("1300", 4000), Line.credit("2000", 4000));
    }

    @Test
    void anApprovedCountAdjustmentIsACountDifference() {
        assertThat(lines("COUNT_ADJUSTMENT", SELLABLE, null, 0))
                .containsExactly(Line.debit("5300", 4000), Line.credit("1300", 4000));
        assertThat(lines("COUNT_ADJUSTMENT", null, SELLABLE, 0))
                .containsExactly(Line.debit("1300", 4000), Line.credit("5300", 4000));
    }

    @Test
    void aTransferBetweenWarehousesPostsNothing() {
        assertThat(PostingRules.forStockMove(move("TRANSFER", SELLABLE, SELLABLE, 0))).isEmpty();
    }

    @Test
    void theEntryReferencesItsMoveAndItsReturnLine() {
        JournalEntryDraft entry = PostingRules.forStockMove(move("RETURN_RECEIPT", CUSTOMER, RETURNS_RECEIVING, 0))
                .orElseThrow();
        assertThat(entry.sourceType()).isEqualTo(JournalEntryDraft.SourceType.STOCK_MOVE);
        assertThat(entry.sourceId()).isEqualTo("77");
        assertThat(entry.returnId()).isEqualTo(RETURN_ID);
        assertThat(entry.returnLineNo()).isEqualTo(2);
        assertThat(entry.idempotencyKey()).isEqualTo("stock-move-77");
    }

    private static List<Line> lines(String reason, LocationType from, LocationType to, long writeDown) {
        Optional<JournalEntryDraft> entry = PostingRules.forStockMove(move(reason, from, to, writeDown));
        assertThat(entry).as("an entry for %s from %s to %s", reason, from, to).isPresent();
        return entry.get().lines();
    }

    private static StockMovement move(String reason, LocationType from, LocationType to, long writeDown) {
        return new StockMovement(77, reason, from, to, 4000, writeDown, "EUR", RETURN_ID, 2);
    }
}
