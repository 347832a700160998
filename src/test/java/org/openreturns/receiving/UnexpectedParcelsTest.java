package org.openreturns.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.OnHand;
import org.openreturns.inventory.StockLedger;
import org.openreturns.system.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The warehouse's answer for a parcel that came without a known RMA, on PostgreSQL; each test rolls back. */
@ReturnsIntegrationTest
@Transactional
class UnexpectedParcelsTest {

    @Autowired
    UnexpectedParcels parcels;
    @Autowired
    ReceiptRepository receipts;
    @Autowired
    StockLedger ledger;
    @Autowired
    DSLContext db;

    private final String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8);
    private String sku;
    private long receiptId;

    @BeforeEach
    void aParcelWithoutRma() {
        LedgerFixtures fixtures = new LedgerFixtures(db);
        fixtures.warehouse(warehouse);
        sku = fixtures.product(false);
        receiptId = receipts.insert(new ParcelScan(null, warehouse, null, "TRACK-1",
                List.of(new ParcelScan.Item(sku, null, 2, null))), null, OffsetDateTime.now(), "warehouse1");
    }

    @Test
    void theWarehouseMustChooseToLinkTheParcelOrToQuarantineIt() {
        assertThat(parcels.resolve(receiptId, null, null, null, null, "warehouse1"))
                .extracting(FieldProblem::field, FieldProblem::problem)
                .containsExactly(tuple(UnexpectedParcelProcess.PARCEL_ACTION,
                        "is not answered: choose LINK (to a return) or QUARANTINE"));
        assertThat(receipt().getResolution()).isNull();
    }

    @Test
    void aLinkNamesOneReturnEitherChosenFromTheCandidatesOrTypedInNotBoth() {
        assertThat(parcels.resolve(receiptId, UnexpectedParcels.LINK, "RMA-2026-000001", "RMA-2026-000002", null,
                "warehouse1"))
                .extracting(FieldProblem::field, FieldProblem::problem)
                .containsExactly(tuple(UnexpectedParcelProcess.RETURN_ID,
                        "choose a return from the list or type one in, not both"));
        assertThat(parcels.resolve(receiptId, UnexpectedParcels.LINK, "  ", null, null, "warehouse1"))
                .extracting(FieldProblem::problem)
                .containsExactly("choose the return to link the parcel to, or type its RMA number in");
        assertThat(receipt().getResolution()).isNull();
    }

    @Test
    void aReturnThatDoesNotExistIsNamed() {
        assertThat(parcels.resolve(receiptId, UnexpectedParcels.LINK, null, "RMA-1999-999999", null, "warehouse1"))
                .containsExactly(new FieldProblem(UnexpectedParcelProcess.RETURN_ID,
                        "no return has the id or RMA number RMA-1999-999999"));
        assertThat(receipt().getResolution()).isNull();
    }

    @Test
    void aQuarantinedParcelIsBookedIntoQuarantineAndRecordedWithWhoDecided() {
        assertThat(parcels.resolve(receiptId, UnexpectedParcels.QUARANTINE, null, null, "No label, no packing slip",
                "warehouse1")).isEmpty();

        assertThat(ledger.onHand(sku)).containsExactly(new OnHand(warehouse, LocationType.QUARANTINE, 2));
        ParcelReceiptRecord receipt = receipt();
        assertThat(receipt.getResolution()).isEqualTo(UnexpectedParcels.QUARANTINED);
        assertThat(receipt.getResolvedBy()).isEqualTo("warehouse1");
        assertThat(receipt.getResolutionNotes()).isEqualTo("No label, no packing slip");
    }

    @Test
    void aParcelResolvedBeforeIsLeftAsItIs() {
        parcels.resolve(receiptId, UnexpectedParcels.QUARANTINE, null, null, null, "warehouse1");

        assertThat(parcels.resolve(receiptId, UnexpectedParcels.LINK, null, "RMA-1999-999999", null, "warehouse2"))
                .isEmpty();

        assertThat(ledger.onHand(sku)).containsExactly(new OnHand(warehouse, LocationType.QUARANTINE, 2));
        assertThat(receipt().getResolvedBy()).isEqualTo("warehouse1");
    }

    private ParcelReceiptRecord receipt() {
        return receipts.find(receiptId).orElseThrow();
    }
}
