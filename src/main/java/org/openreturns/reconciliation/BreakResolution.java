package org.openreturns.reconciliation;

import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.STOCK_BALANCE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.ReconciliationBreakRecord;
import org.openreturns.inventory.RecordedMove;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a person resolves a break: accept it with a reason, or, for a count difference, adjust the ledger to the
 * count through a stock move that a second person approved.
 */
@Service
public class BreakResolution {

    public static final String ADJUST = "ADJUST";
    public static final String ACCEPT = "ACCEPT";

    private final ReconciliationRepository breaks;
    private final StockLedger ledger;
    private final CatalogService catalog;
    private final DSLContext db;
    private final Clock clock;

    BreakResolution(ReconciliationRepository breaks, StockLedger ledger, CatalogService catalog, DSLContext db,
                    Clock clock) {
        this.breaks = breaks;
        this.ledger = ledger;
        this.catalog = catalog;
        this.db = db;
        this.clock = clock;
    }

    /** What is wrong with a proposed resolution, each problem naming the form field; empty when it can proceed. */
    @Transactional(readOnly = true)
    public List<FieldProblem> review(long breakId, String resolution, String comment) {
        ReconciliationBreakRecord found = find(breakId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!ADJUST.equals(resolution) && !ACCEPT.equals(resolution)) {
            problems.add(new FieldProblem("resolution", "must be ADJUST or ACCEPT"));
        } else if (ADJUST.equals(resolution) && !CheckType.valueOf(found.getCheckType()).adjustableByStockMove()) {
            problems.add(new FieldProblem("resolution", "only a count difference is put right by a stock move; "
                    + "correct the cause and accept this " + found.getCheckType() + " break with the explanation"));
        }
        if (comment == null || comment.isBlank()) {
            problems.add(new FieldProblem("comment", "is required: say what caused the break"));
        }
        return problems;
    }

    @Transactional
    public void accept(long breakId, String acceptedBy, String comment) {
        ReconciliationBreakRecord found = find(breakId);
        if (BreakStatus.valueOf(found.getStatus()) == BreakStatus.OPEN) {
            breaks.resolve(breakId, BreakStatus.ACCEPTED, acceptedBy, OffsetDateTime.now(clock), comment, null);
        }
    }

    /**
     * Books the adjustment move that makes the ledger agree with the count. The approver must be another person
     * than the investigator; the answer lists the problem otherwise, and nothing is booked.
     */
    @Transactional
    public List<FieldProblem> adjust(long breakId, String investigatedBy, String approvedBy, String comment) {
        if (approvedBy.equals(investigatedBy)) {
            return List.of(new FieldProblem("approved", "the investigator " + investigatedBy
                    + " cannot approve their own adjustment; another manager must"));
        }
        ReconciliationBreakRecord found = find(breakId);
        if (BreakStatus.valueOf(found.getStatus()) != BreakStatus.OPEN) {
            return List.of();
        }
        long difference = found.getActual() - found.getExpected();
        long locationId = catalog.locationId(found.getWarehouseCode(), LocationType.valueOf(found.getLocationType()));
        boolean surplus = difference > 0;
        String key = "break-adjustment-" + breakId;
        int quantity = (int) Math.abs(difference);
        String by = investigatedBy + " (approved by " + approvedBy + ")";
        StockMoveRequest adjustment = surplus
                ? StockMoveRequest.countSurplus(key, found.getSku(), quantity, locationId,
                        unitCost(found.getSku(), locationId), countId(found), by)
                : StockMoveRequest.countShortage(key, found.getSku(), quantity, locationId, countId(found), by);
        Optional<String> refusal = ledger.refusal(List.of(adjustment));
        if (refusal.isPresent()) {
            // The stock changed since the count: the approver sees why and can refuse, for a new count.
            return List.of(new FieldProblem("approved", "the adjustment cannot be booked: " + refusal.get()
                    + "; the stock changed since the count, refuse the adjustment and count again"));
        }
        RecordedMove move = ledger.record(adjustment);
        breaks.resolve(breakId, BreakStatus.ADJUSTED, approvedBy, OffsetDateTime.now(clock), comment, move.moveId());
        return List.of();
    }

    /** Found units come in at the average cost of what the place holds, or the product's cost when it is empty. */
    private long unitCost(String sku, long locationId) {
        var balance = db.selectFrom(STOCK_BALANCE).where(STOCK_BALANCE.SKU.eq(sku))
                .and(STOCK_BALANCE.LOCATION_ID.eq(locationId)).fetchOptional();
        if (balance.isPresent() && balance.get().getQuantity() > 0) {
            return balance.get().getValueMinor() / balance.get().getQuantity();
        }
        return db.select(PRODUCT.UNIT_COST_MINOR).from(PRODUCT).where(PRODUCT.SKU.eq(sku))
                .fetchSingle(PRODUCT.UNIT_COST_MINOR);
    }

    private static String countId(ReconciliationBreakRecord found) {
        return found.getReference().substring("count ".length());
    }

    private ReconciliationBreakRecord find(long breakId) {
        return breaks.find(breakId).orElseThrow(() -> new NotFoundException("breakId", "No break " + breakId));
    }
}
