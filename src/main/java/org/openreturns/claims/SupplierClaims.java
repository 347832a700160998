package org.openreturns.claims;

import static org.openreturns.db.Tables.SUPPLIER_CLAIM;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.catalog.Product;
import org.openreturns.db.tables.records.SupplierClaimRecord;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.RecordedMove;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveException;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.resolution.Resolutions;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.OrderReference;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Codes;
import org.openreturns.system.ConflictException;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims on suppliers for defective units returned to them. The vendor-return move already booked the receivable
 * (Dr 1400 / Cr 1310); shipping the unit to the supplier takes it out of the books and leaves the receivable until
 * the supplier pays.
 */
@Service
public class SupplierClaims {


    private final DSLContext db;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final ReturnService returns;
    private final Clock clock;

    SupplierClaims(DSLContext db, CatalogService catalog, StockLedger ledger, ReturnService returns, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.ledger = ledger;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * Opens a claim for every line of a resolved return that goes back to its vendor, for the value at which the
     * disposition move took its units out of stock; a repeated delivery of the step answers the claims already open.
     */
    @Transactional
    public void openForReturn(UUID returnId) {
        OrderReference order = returns.orderOf(returnId);
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() != Disposition.VENDOR_RETURN) {
                continue;
            }
            String moveKey = Resolutions.dispositionMoveKey(returnId, line.lineNo());
            RecordedMove move = ledger.recordedMove(moveKey).orElseThrow(() -> new IllegalStateException(
                    "Return " + returnId + " line " + line.lineNo() + " goes back to its vendor, but its units were"
                            + " not moved (no stock move " + moveKey + ")"));
            open(returnId, line.lineNo(), line.receivedSku(), line.receivedSerial(), line.receivedQuantity(),
                    move.valueMinor(), order.currency(), order.warehouse(), ReturnService.SYSTEM_ACTOR);
        }
    }

    /** Opens the claim of a return line against its product's supplier; opening it again answers the same claim. */
    @Transactional
    public long open(UUID returnId, int lineNo, String sku, String serial, int quantity, long amountMinor,
                     String currency, String warehouseCode, String actor) {
        Product product = catalog.product(sku)
                .orElseThrow(() -> new NotFoundException("sku", "No product " + sku + " to claim for"));
        if (product.supplierCode() == null) {
            throw new RuleViolationException("sku", "has no supplier to claim from");
        }
        db.insertInto(SUPPLIER_CLAIM)
                .set(SUPPLIER_CLAIM.RETURN_ID, returnId)
                .set(SUPPLIER_CLAIM.RETURN_LINE_NO, lineNo)
                .set(SUPPLIER_CLAIM.SUPPLIER, product.supplierCode())
                .set(SUPPLIER_CLAIM.SKU, sku)
                .set(SUPPLIER_CLAIM.SERIAL, serial)
                .set(SUPPLIER_CLAIM.QUANTITY, quantity)
                .set(SUPPLIER_CLAIM.AMOUNT_MINOR, amountMinor)
                .set(SUPPLIER_CLAIM.CURRENCY, currency)
                .set(SUPPLIER_CLAIM.WAREHOUSE, warehouseCode)
                .set(SUPPLIER_CLAIM.STATUS, SupplierClaimStatus.OPEN.name())
                .set(SUPPLIER_CLAIM.CREATED_BY, actor)
                .set(SUPPLIER_CLAIM.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        return db.select(SUPPLIER_CLAIM.ID).from(SUPPLIER_CLAIM).where(SUPPLIER_CLAIM.RETURN_ID.eq(returnId))
                .and(SUPPLIER_CLAIM.RETURN_LINE_NO.eq(lineNo)).fetchSingle(SUPPLIER_CLAIM.ID);
    }

    /** The warehouse sends the units to the supplier. Shipping again changes nothing. */
    @Transactional
    public SupplierClaimView ship(long claimId, String actor) {
        SupplierClaimRecord claim = db.selectFrom(SUPPLIER_CLAIM).where(SUPPLIER_CLAIM.ID.eq(claimId)).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException("claimId", "No supplier claim " + claimId));
        if (SupplierClaimStatus.valueOf(claim.getStatus()) == SupplierClaimStatus.SHIPPED) {
            return view(claim);
        }
        try {
            ledger.record(StockMoveRequest.outOfTheBooks("supplier-claim-" + claimId + "-shipment", claim.getSku(),
                    claim.getSerial(), claim.getQuantity(),
                    catalog.locationId(claim.getWarehouse(), LocationType.VENDOR_RETURN), MoveReason.VENDOR_SHIPMENT,
                    Reference.returnLine(claim.getReturnId(), claim.getReturnLineNo()), actor));
        } catch (StockMoveException refused) {
            // The units are no longer where the claim expects them: shipping them would explain nothing.
            throw new ConflictException("Supplier claim " + claimId + " cannot be shipped: " + refused.getMessage());
        }
        db.update(SUPPLIER_CLAIM).set(SUPPLIER_CLAIM.STATUS, SupplierClaimStatus.SHIPPED.name())
                .set(SUPPLIER_CLAIM.SHIPPED_BY, actor)
                .set(SUPPLIER_CLAIM.SHIPPED_AT, OffsetDateTime.now(clock)).where(SUPPLIER_CLAIM.ID.eq(claimId))
                .execute();
        return view(db.selectFrom(SUPPLIER_CLAIM).where(SUPPLIER_CLAIM.ID.eq(claimId)).fetchSingle());
    }

    /** Claims by status (OPEN or SHIPPED; all when null), oldest first. */
    @Transactional(readOnly = true)
    public List<SupplierClaimView> claims(String status) {
        Condition condition = DSL.noCondition();
        if (status != null) {
            SupplierClaimStatus wanted = Codes.parse(SupplierClaimStatus.class, status)
                    .orElseThrow(() -> new RuleViolationException("status", "must be OPEN or SHIPPED"));
            condition = SUPPLIER_CLAIM.STATUS.eq(wanted.name());
        }
        return db.selectFrom(SUPPLIER_CLAIM).where(condition)
                .orderBy(SUPPLIER_CLAIM.ID).fetch(SupplierClaims::view);
    }

    private static SupplierClaimView view(SupplierClaimRecord claim) {
        return new SupplierClaimView(claim.getId(), claim.getReturnId(), claim.getReturnLineNo(), claim.getSupplier(),
                claim.getSku(), claim.getSerial(), claim.getQuantity(), claim.getAmountMinor(), claim.getCurrency(),
                claim.getWarehouse(), SupplierClaimStatus.valueOf(claim.getStatus()), claim.getCreatedBy(),
                claim.getCreatedAt(), claim.getShippedBy(), claim.getShippedAt());
    }
}
