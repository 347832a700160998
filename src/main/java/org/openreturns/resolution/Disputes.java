package org.openreturns.resolution;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.ReturnDisputeRecord;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LineDecision;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns on hold (disposition {@code HOLD}): inspection disputed the customer's claim, or an approver refused the
 * decision. The units on hold move to the warehouse's BLOCKED location and no refund is held until a manager
 * resolves the dispute; the resolution then needs an approval by another person.
 */
@Service
public class Disputes {

    private final ResolutionRepository repository;
    private final ReturnService returns;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final Clock clock;

    Disputes(ResolutionRepository repository, ReturnService returns, CatalogService catalog, StockLedger ledger,
             Clock clock) {
        this.repository = repository;
        this.returns = returns;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Puts the return on hold: DISPUTED, a dispute opened, the units on hold blocked. Repeating changes nothing. */
    @Transactional
    public String hold(UUID returnId) {
        List<ReturnLineView> onHold = returns.lines(returnId).stream()
                .filter(line -> line.disposition() == Disposition.HOLD).toList();
        String reason = String.join("; ", onHold.stream().map(line -> "line " + line.lineNo() + " (" + line.sku()
                + ", grade " + line.grade() + ")").toList());
        boolean heldNow = returns.dispute(returnId, ReturnService.SYSTEM_ACTOR, "On hold until a manager resolves it: " + reason);
        if (heldNow) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            repository.openDispute(returnId, reason, ReturnService.SYSTEM_ACTOR, now);
            String warehouse = returns.orderOf(returnId).warehouse();
            for (ReturnLineView line : onHold) {
                block(returnId, warehouse, line);
            }
        }
        return disputeSummary(returnId, onHold);
    }

    private void block(UUID returnId, String warehouse, ReturnLineView line) {
        if (line.locationType() != LocationType.QUARANTINE) {
            return;
        }
        ledger.record(StockMoveRequest.between("return-" + returnId + "-line-" + line.lineNo() + "-block",
                line.receivedSku(), line.receivedSerial(), line.receivedQuantity(),
                catalog.locationId(warehouse, LocationType.QUARANTINE),
                catalog.locationId(warehouse, LocationType.BLOCKED), MoveReason.BLOCK,
                Reference.returnLine(returnId, line.lineNo()), ReturnService.SYSTEM_ACTOR));
        returns.recordLocation(returnId, line.lineNo(), LocationType.BLOCKED);
    }

    private String disputeSummary(UUID returnId, List<ReturnLineView> onHold) {
        StringBuilder text = new StringBuilder("On hold:");
        for (ReturnLineView line : onHold) {
            text.append("\nLine ").append(line.lineNo()).append(": sold ").append(line.sku()).append(", received ")
                    .append(line.receivedQuantity()).append(" x ").append(line.receivedSku())
                    .append(line.receivedSerial() == null ? "" : " serial " + line.receivedSerial())
                    .append(", grade ").append(line.grade()).append(", reason ")
                    .append(line.reasonCode() == null ? "not given" : line.reasonCode());
        }
        returns.details(returnId).timeline().stream()
                .filter(event -> Set.of("LINE_INSPECTED", "DECIDED", "APPROVAL_REFUSED").contains(event.type()))
                .forEach(event -> text.append("\n").append(event.type()).append(" by ").append(event.actor())
                        .append(": ").append(event.detail()));
        return text.toString();
    }

    /**
     * Applies a manager's resolution to every line on hold, after checking it; returns the problems, each naming the
     * form field, and changes nothing when there are any. The return then awaits an approval by another person.
     */
    @Transactional
    public List<FieldProblem> resolve(UUID returnId, DisputeResolution resolution, String resolvedBy) {
        Optional<ReturnDisputeRecord> open = repository.openDisputeOf(returnId);
        if (open.isEmpty()) {
            return List.of();
        }
        List<ReturnLineView> onHold = returns.lines(returnId).stream()
                .filter(line -> line.disposition() == Disposition.HOLD).toList();
        List<FieldProblem> problems = check(resolution, onHold);
        if (!problems.isEmpty()) {
            return problems;
        }
        boolean partial = resolution.refundDecision() == RefundDecision.PARTIAL;
        for (ReturnLineView line : onHold) {
            returns.recordDecision(returnId, line.lineNo(), new LineDecision(line.lineNo(), resolution.disposition(),
                    resolution.refundDecision(), partial ? DeductionType.DAMAGE : null,
                    partial ? resolution.deductionPercent() : null,
                    "Dispute resolved by " + resolvedBy + ": " + resolution.comment()));
        }
        repository.resolveDispute(open.get().getId(), resolution, resolvedBy, OffsetDateTime.now(clock));
        String reason = "dispute resolved by " + resolvedBy;
        returns.recordApprovalReason(returnId, reason);
        returns.resolveDispute(returnId, resolvedBy, resolution.disposition() + ", refund " + resolution.refundDecision()
                        + (resolution.deductionPercent() == null ? "" : " less " + resolution.deductionPercent() + " %")
                        + ": " + resolution.comment() + ". Needs approval by another person");
        return List.of();
    }

    /** Who resolved the return's last dispute, if any: they may not approve their own resolution. */
    @Transactional(readOnly = true)
    public Optional<String> lastResolver(UUID returnId) {
        return repository.lastResolvedDisputeOf(returnId).map(ReturnDisputeRecord::getResolvedBy);
    }

    private List<FieldProblem> check(DisputeResolution resolution, List<ReturnLineView> onHold) {
        List<FieldProblem> problems = new ArrayList<>();
        if (resolution.disposition() == null || resolution.disposition() == Disposition.HOLD) {
            problems.add(new FieldProblem("disposition", "must be one of RESTOCK, REFURBISH, VENDOR_RETURN, LIQUIDATE,"
                    + " SCRAP"));
        }
        if (resolution.refundDecision() == null) {
            problems.add(new FieldProblem("refundDecision", "must be one of FULL, PARTIAL, NONE, REPLACEMENT"));
        }
        Integer percent = resolution.deductionPercent();
        boolean partial = resolution.refundDecision() == RefundDecision.PARTIAL;
        if (partial && (percent == null || percent <= 0 || percent >= 100)) {
            problems.add(new FieldProblem("deductionPercent", "must be between 1 and 99 for a PARTIAL refund"));
        }
        if (!partial && percent != null && percent != 0) {
            problems.add(new FieldProblem("deductionPercent", "must be empty unless the refund is PARTIAL"));
        }
        if (resolution.comment() == null || resolution.comment().isBlank()) {
            problems.add(new FieldProblem("comment", "is required: say why"));
        }
        if (resolution.disposition() == Disposition.VENDOR_RETURN) {
            onHold.stream().filter(line -> catalog.product(line.receivedSku())
                            .map(product -> product.supplierCode() == null).orElse(true))
                    .forEach(line -> problems.add(new FieldProblem("disposition", "VENDOR_RETURN needs a supplier, and "
                            + line.receivedSku() + " of line " + line.lineNo() + " has none")));
        }
        return problems;
    }
}
