package org.openreturns.resolution;

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
import org.openreturns.refunds.RefundView;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.OrderReference;
import org.openreturns.returns.ReturnService;
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
     */
    @Transactional
    public void moveStock(UUID returnId) {
        OrderReference order = returns.orderOf(returnId);
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() == null) {
                continue;
            }
            if (line.disposition() == Disposition.HOLD) {
                throw new IllegalStateException("Return " + returnId + " line " + line.lineNo()
                        + " is still on hold and cannot be resolved");
            }
            moveOut(returnId, order, line, line.disposition());
        }
    }

    private void moveOut(UUID returnId, OrderReference order, ReturnLineView line, Disposition disposition) {
        LocationType from = line.locationType();
        LocationType to = switch (disposition) {
            case RESTOCK -> LocationType.SELLABLE;
            case REFURBISH -> LocationType.REFURBISHMENT;
            case VENDOR_RETURN -> LocationType.VENDOR_RETURN;
            case LIQUIDATE -> LocationType.LIQUIDATION;
            case SCRAP -> LocationType.SCRAPPED;
            case HOLD -> throw new IllegalArgumentException("HOLD is not a destination");
        };
        if (from == to) {
            // Moved by an earlier delivery of this step, which recorded the new location.
            return;
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
        ledger.record(request);
        returns.recordLocation(returnId, line.lineNo(), to);
    }

    /**
     * Holds, approves and releases the refund of every decided line, each with its credit note, and marks the return
     * RESOLVED, all in one transaction; a repeated delivery finds the return RESOLVED and changes nothing.
     *
     * @param actor who approved the return, or the system when it needed no approval (within policy)
     */
    @Transactional
    public void releaseRefunds(UUID returnId, String actor) {
        if (!returns.resolve(returnId, actor, "Dispositions carried out and refunds released")) {
            return;
        }
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() != null) {
                refund(returnId, line, actor);
            }
        }
    }

    private void refund(UUID returnId, ReturnLineView line, String actor) {
        RefundDecision decision = line.refundDecision();
        long deduction = decision == RefundDecision.PARTIAL ? RefundAmounts.deduction(line, line.deductionPercent()) : 0;
        DeductionType deductionType = deduction == 0 ? null : line.deductionType();
        RefundView held = refunds.hold(new HoldRequest("return-" + returnId + "-line-" + line.lineNo(), returnId,
                // A deduction that rounds to nothing (a tiny price) is a full refund.
                line.lineNo(), deduction == 0 && decision == RefundDecision.PARTIAL ? RefundDecision.FULL : decision,
                deduction, deductionType, null), ReturnService.SYSTEM_ACTOR);
        refunds.approve(held.id(), actor);
        refunds.release(held.id(), actor);
    }

    /** Closes a resolved return; the customer is told how it ended (see the notifications). */
    @Transactional
    public void close(UUID returnId) {
        returns.close(returnId, ReturnService.SYSTEM_ACTOR, "Return closed");
    }
}
