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
import org.openreturns.inventory.ReferenceType;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.notifications.CustomerNotifications;
import org.openreturns.notifications.NotificationType;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LineDecision;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
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

    /** Every refund decision the disposition table can make, so a manager has the same outcomes as the rules. */
    private static final Set<String> REFUND_DECISIONS = Set.of("FULL", "PARTIAL", "NONE", "REPLACEMENT");

    private final ResolutionRepository repository;
    private final ReturnService returns;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final CustomerNotifications notifications;
    private final Clock clock;

    Disputes(ResolutionRepository repository, ReturnService returns, CatalogService catalog, StockLedger ledger,
             CustomerNotifications notifications, Clock clock) {
        this.repository = repository;
        this.returns = returns;
        this.catalog = catalog;
        this.ledger = ledger;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Puts the return on hold: DISPUTED, a dispute opened, the units on hold blocked. Repeating changes nothing. */
    @Transactional
    public String hold(UUID returnId) {
        List<ReturnLineView> onHold = returns.lines(returnId).stream()
                .filter(line -> Disposition.HOLD.name().equals(line.disposition())).toList();
        String reason = String.join("; ", onHold.stream().map(line -> "line " + line.lineNo() + " (" + line.sku()
                + ", grade " + line.grade() + ")").toList());
        boolean heldNow = returns.changeStatus(returnId,
                Set.of(ReturnStatus.INSPECTED, ReturnStatus.AWAITING_APPROVAL), ReturnStatus.DISPUTED,
                ReturnService.SYSTEM_ACTOR, "DISPUTED", "On hold until a manager resolves it: " + reason);
        if (heldNow) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            repository.openDispute(returnId, reason, ReturnService.SYSTEM_ACTOR, now);
            String warehouse = returns.orderOf(returnId).warehouse();
            for (ReturnLineView line : onHold) {
                block(returnId, warehouse, line);
            }
            notifications.send(returnId, NotificationType.RETURN_DISPUTED, "Your return "
                    + returns.summary(returnId).rmaNumber() + " needs a closer look by our team; we will contact "
                    + "you. No refund is paid until it is resolved.");
        }
        return disputeSummary(returnId, onHold);
    }

    private void block(UUID returnId, String warehouse, ReturnLineView line) {
        if (!LocationType.QUARANTINE.name().equals(line.locationType())) {
            return;
        }
        ledger.record(new StockMoveRequest("return-" + returnId + "-line-" + line.lineNo() + "-block",
                line.receivedSku(), line.receivedSerial(), null, line.receivedQuantity(),
                catalog.locationId(warehouse, LocationType.QUARANTINE),
                catalog.locationId(warehouse, LocationType.BLOCKED), MoveReason.BLOCK, ReferenceType.RETURN,
                returnId.toString(), line.lineNo(), null, null, ReturnService.SYSTEM_ACTOR));
        returns.recordLocation(returnId, line.lineNo(), LocationType.BLOCKED.name());
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
                .filter(line -> Disposition.HOLD.name().equals(line.disposition())).toList();
        List<FieldProblem> problems = check(resolution, onHold);
        if (!problems.isEmpty()) {
            return problems;
        }
        for (ReturnLineView line : onHold) {
            returns.recordDecision(returnId, line.lineNo(), new LineDecision(line.lineNo(), resolution.disposition(),
                    resolution.refundDecision(), "PARTIAL".equals(resolution.refundDecision()) ? "DAMAGE" : null,
                    "PARTIAL".equals(resolution.refundDecision()) ? resolution.deductionPercent() : null,
                    "Dispute resolved by " + resolvedBy + ": " + resolution.comment()));
        }
        repository.resolveDispute(open.get().getId(), resolution, resolvedBy, OffsetDateTime.now(clock));
        String reason = "dispute resolved by " + resolvedBy;
        returns.recordApprovalReason(returnId, reason);
        returns.changeStatus(returnId, Set.of(ReturnStatus.DISPUTED), ReturnStatus.AWAITING_APPROVAL, resolvedBy,
                "DISPUTE_RESOLVED", resolution.disposition() + ", refund " + resolution.refundDecision()
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
        if (resolution.refundDecision() == null || !REFUND_DECISIONS.contains(resolution.refundDecision())) {
            problems.add(new FieldProblem("refundDecision", "must be one of FULL, PARTIAL, NONE, REPLACEMENT"));
        }
        Integer percent = resolution.deductionPercent();
        if ("PARTIAL".equals(resolution.refundDecision()) && (percent == null || percent <= 0 || percent >= 100)) {
            problems.add(new FieldProblem("deductionPercent", "must be between 1 and 99 for a PARTIAL refund"));
        }
        if (!"PARTIAL".equals(resolution.refundDecision()) && percent != null && percent != 0) {
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
