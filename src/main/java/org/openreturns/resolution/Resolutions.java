package org.openreturns.resolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.HoldRequest;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.refunds.RefundService;
import org.openreturns.refunds.RefundStatus;
import org.openreturns.refunds.RefundView;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.OrderReference;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.system.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the decisions of a validated return, one BPMN step at a time, each in its own transaction: the units
 * leave quarantine (or the blocked location) for their disposition — sellable stock only now, after inspection said
 * so — with their journal entries; then the refunds are held, approved and released with their credit notes, and the
 * return is RESOLVED; closing it notifies the customer. What follows from a disposition in other capabilities
 * (replacement orders, supplier claims, refurbishment) are steps of their own in the model.
 */
@Service
public class Resolutions {

    private final ReturnService returns;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final RefundService refunds;
    private final LifecyclePolicy policy;

    Resolutions(ReturnService returns, CatalogService catalog, StockLedger ledger, RefundService refunds,
                LifecyclePolicy policy) {
        this.returns = returns;
        this.catalog = catalog;
        this.ledger = ledger;
        this.refunds = refunds;
        this.policy = policy;
    }

    /** The idempotency key of the stock move that carries out a line's disposition. */
    public static String dispositionMoveKey(UUID returnId, int lineNo) {
        return "return-" + returnId + "-line-" + lineNo + "-disposition";
    }

    /**
     * Moves the units of every decided line to the location of its disposition, with the move's journal entry (and,
     * for liquidation, the write-down to the net realisable value). A repeated delivery finds the moves recorded
     * under their keys and changes nothing.
     *
     * <p>The moves are checked with the ledger first: when the units are no longer where they should be taken from
     * (someone moved or counted them meanwhile), nothing moves, the conflict is on the return's timeline and the
     * answer names it, so that inventory control can correct the books and the step can run again.
     *
     * @return the conflict that stopped the moves, or empty when they are recorded
     */
    @Transactional
    public Optional<String> moveStock(UUID returnId) {
        OrderReference order = returns.orderOf(returnId);
        Map<ReturnLineView, StockMoveRequest> moves = new LinkedHashMap<>();
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() == null) {
                continue;
            }
            if (line.disposition() == Disposition.HOLD) {
                throw new IllegalStateException("Return " + returnId + " line " + line.lineNo()
                        + " is still on hold and cannot be resolved");
            }
            dispositionMove(returnId, order, line).ifPresent(move -> moves.put(line, move));
        }
        Optional<String> refusal = ledger.refusal(List.copyOf(moves.values()));
        if (refusal.isPresent()) {
            String problem = "The returned units cannot be moved to their dispositions: " + refusal.get()
                    + ". Find the units and bring them back (or correct the stock ledger), then move them again.";
            returns.noteOnce(returnId, ReturnService.SYSTEM_ACTOR, "STOCK_CONFLICT", problem);
            return Optional.of(problem);
        }
        moves.forEach((line, move) -> {
            ledger.record(move);
            returns.recordLocation(returnId, line.lineNo(), destination(line.disposition()));
        });
        return Optional.empty();
    }

    /** The move that carries out a line's disposition; empty when an earlier delivery of the step made it. */
    private Optional<StockMoveRequest> dispositionMove(UUID returnId, OrderReference order, ReturnLineView line) {
        Disposition disposition = line.disposition();
        LocationType from = line.locationType();
        LocationType to = destination(disposition);
        if (from == to) {
            // Moved by an earlier delivery of this step, which recorded the new location.
            return Optional.empty();
        }
        String warehouse = order.warehouse();
        long fromId = catalog.locationId(warehouse, from);
        StockMoveRequest request = StockMoveRequest.between(dispositionMoveKey(returnId, line.lineNo()),
                line.receivedSku(), line.receivedSerial(), line.receivedQuantity(), fromId,
                catalog.locationId(warehouse, to), MoveReason.valueOf(disposition.name()),
                Reference.returnLine(returnId, line.lineNo()), ReturnService.SYSTEM_ACTOR);
        if (disposition == Disposition.LIQUIDATE) {
            long netRealisableValue = ledger.valueOf(line.receivedSku(), fromId, line.receivedQuantity())
                    * policy.liquidationRecoveryPercent() / 100;
            request = request.writtenDownTo(netRealisableValue);
        }
        return Optional.of(request);
    }

    private static LocationType destination(Disposition disposition) {
        return switch (disposition) {
            case RESTOCK -> LocationType.SELLABLE;
            case REFURBISH -> LocationType.REFURBISHMENT;
            case VENDOR_RETURN -> LocationType.VENDOR_RETURN;
            case LIQUIDATE -> LocationType.LIQUIDATION;
            case SCRAP -> LocationType.SCRAPPED;
            case HOLD -> throw new IllegalArgumentException("HOLD is not a destination");
        };
    }

    /**
     * Holds, approves and releases the refund of every decided line, each with its credit note, and marks the return
     * RESOLVED, all in one transaction; a repeated delivery finds the return RESOLVED and changes nothing.
     *
     * <p>When the payment gateway declines a refund, the return is not RESOLVED: the declined refund is FAILED with
     * the gateway's reason (nothing paid, posted or credited for it), the others stay released, the conflict is on
     * the return's timeline and the answer names it, so that finance can sort it out and the step can run again,
     * releasing only what is not released yet.
     *
     * @param actor who approved the return, or the system when it needed no approval (within policy)
     * @return the declined refunds, described for finance, or empty when all are released and the return RESOLVED
     */
    @Transactional
    public Optional<String> releaseRefunds(UUID returnId, String actor) {
        if (returns.summary(returnId).status() == ReturnStatus.RESOLVED) {
            return Optional.empty();
        }
        List<String> declined = new ArrayList<>();
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() != null) {
                RefundView refund = refund(returnId, line, actor);
                if (refund.status() == RefundStatus.FAILED) {
                    declined.add("line " + line.lineNo() + " (refund " + refund.id() + ", "
                            + Money.fromMinorUnits(refund.amountMinor(), refund.currency()).toPlainString() + " "
                            + refund.currency() + "): " + refund.failureReason());
                }
            }
        }
        if (!declined.isEmpty()) {
            String problem = "The payment gateway declined the refund of " + String.join("; ", declined)
                    + ". Nothing was paid and no credit note issued for it. Sort it out with the customer or the "
                    + "payment provider, then release the refund again.";
            returns.noteOnce(returnId, ReturnService.SYSTEM_ACTOR, "REFUND_DECLINED", problem);
            return Optional.of(problem);
        }
        returns.resolve(returnId, actor, "Dispositions carried out and refunds released");
        return Optional.empty();
    }

    private RefundView refund(UUID returnId, ReturnLineView line, String actor) {
        RefundDecision decision = line.refundDecision();
        long deduction = decision == RefundDecision.PARTIAL ? RefundAmounts.deduction(line, line.deductionPercent()) : 0;
        DeductionType deductionType = deduction == 0 ? null : line.deductionType();
        RefundView held = refunds.hold(new HoldRequest("return-" + returnId + "-line-" + line.lineNo(), returnId,
                // A deduction that rounds to nothing (a tiny price) is a full refund.
                line.lineNo(), deduction == 0 && decision == RefundDecision.PARTIAL ? RefundDecision.FULL : decision,
                deduction, deductionType, null), ReturnService.SYSTEM_ACTOR);
        refunds.approve(held.id(), actor);
        return refunds.release(held.id(), actor);
    }

    /** Closes a resolved return; the customer is told how it ended (see the notifications). */
    @Transactional
    public void close(UUID returnId) {
        returns.close(returnId, ReturnService.SYSTEM_ACTOR, "Return closed");
    }
}
