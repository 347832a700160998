package org.openreturns.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.claims.SupplierClaims;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.RecordedMove;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.notifications.CustomerNotifications;
import org.openreturns.notifications.NotificationType;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.HoldRequest;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.refunds.RefundService;
import org.openreturns.refunds.RefundView;
import org.openreturns.refurbishment.RefurbishmentQueue;
import org.openreturns.replacements.ReplacementOrders;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.OrderReference;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the decisions of a validated return, line by line, in one transaction: the units leave quarantine
 * (or the blocked location) for their disposition — sellable stock only now, after inspection said so — with their
 * journal entries; a refurbishment job, a supplier claim or a replacement order where the disposition asks for one;
 * and the refund is held, approved and released with its credit note. Then the return is RESOLVED; closing it
 * notifies the customer.
 */
@Service
public class Resolutions {

    private final ReturnService returns;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final RefundService refunds;
    private final RefurbishmentQueue refurbishment;
    private final SupplierClaims claims;
    private final ReplacementOrders replacements;
    private final CustomerNotifications notifications;
    private final LifecyclePolicy policy;

    Resolutions(ReturnService returns, CatalogService catalog, StockLedger ledger, RefundService refunds,
                RefurbishmentQueue refurbishment, SupplierClaims claims, ReplacementOrders replacements,
                CustomerNotifications notifications, LifecyclePolicy policy) {
        this.returns = returns;
        this.catalog = catalog;
        this.ledger = ledger;
        this.refunds = refunds;
        this.refurbishment = refurbishment;
        this.claims = claims;
        this.replacements = replacements;
        this.notifications = notifications;
        this.policy = policy;
    }

    /**
     * @param approver who approved the return, or null when it needed no approval (the refund is then approved by
     *                 the system, within policy)
     */
    @Transactional
    public void resolve(UUID returnId, String approver) {
        String actor = approver == null ? ReturnService.SYSTEM_ACTOR : approver;
        boolean resolvingNow = returns.resolve(returnId, actor, "Dispositions carried out and refunds released");
        if (!resolvingNow) {
            return;
        }
        OrderReference order = returns.orderOf(returnId);
        for (ReturnLineView line : returns.lines(returnId)) {
            if (line.disposition() == null) {
                continue;
            }
            Disposition disposition = line.disposition();
            if (disposition == Disposition.HOLD) {
                throw new IllegalStateException("Return " + returnId + " line " + line.lineNo()
                        + " is still on hold and cannot be resolved");
            }
            moveOut(returnId, order, line, disposition);
            refund(returnId, line, actor);
            if (line.refundDecision() == RefundDecision.REPLACEMENT) {
                replacements.create(returnId, line.lineNo(), line.sku(), line.quantity(), order.warehouse(), actor);
            }
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
        String warehouse = order.warehouse();
        long fromId = catalog.locationId(warehouse, from);
        StockMoveRequest request = StockMoveRequest.between("return-" + returnId + "-line-" + line.lineNo()
                        + "-disposition", line.receivedSku(), line.receivedSerial(), line.receivedQuantity(), fromId,
                catalog.locationId(warehouse, to), MoveReason.valueOf(disposition.name()),
                Reference.returnLine(returnId, line.lineNo()), ReturnService.SYSTEM_ACTOR);
        if (disposition == Disposition.LIQUIDATE) {
            long netRealisableValue = ledger.valueOf(line.receivedSku(), fromId, line.receivedQuantity())
                    * policy.liquidationRecoveryPercent() / 100;
            request = request.writtenDownTo(netRealisableValue);
        }
        RecordedMove move = ledger.record(request);
        returns.recordLocation(returnId, line.lineNo(), to);
        if (disposition == Disposition.REFURBISH) {
            refurbishment.enqueue(returnId, line.lineNo(), line.receivedSku(), line.receivedSerial(),
                    line.receivedQuantity(), warehouse, ReturnService.SYSTEM_ACTOR);
        } else if (disposition == Disposition.VENDOR_RETURN) {
            claims.open(returnId, line.lineNo(), line.receivedSku(), line.receivedSerial(), line.receivedQuantity(),
                    move.valueMinor(), order.currency(), warehouse, ReturnService.SYSTEM_ACTOR);
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

    /** Closes a resolved return and tells the customer how it ended. */
    @Transactional
    public void close(UUID returnId) {
        boolean closedNow = returns.close(returnId, ReturnService.SYSTEM_ACTOR, "Return closed");
        if (!closedNow) {
            return;
        }
        List<String> outcome = new ArrayList<>();
        String currency = returns.orderOf(returnId).currency();
        for (RefundView refund : refunds.refundsOf(returnId)) {
            outcome.add(refund.amountMinor() > 0 ? Money.fromMinorUnits(refund.amountMinor(),
                    java.util.Currency.getInstance(currency)) + " " + currency + " refunded for line " + refund.lineNo()
                    : "line " + refund.lineNo() + ": " + refund.decision());
        }
        notifications.send(returnId, NotificationType.RETURN_CLOSED, "Your return "
                + returns.summary(returnId).rmaNumber() + " is complete: " + String.join("; ", outcome) + ".");
    }
}
