package org.openreturns.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openreturns.inventory.StockLedger;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records cancellations of order units before they are shipped. A cancelled unit is no longer promised to the
 * customer: it stops reserving sellable stock and can no longer be shipped. Shipped units cannot be cancelled; they
 * come back as a return.
 */
@Service
public class OrderCancellations {

    private final OrderService orders;
    private final CancellationRepository cancellations;
    private final StockLedger ledger;
    private final Clock clock;

    OrderCancellations(OrderService orders, CancellationRepository cancellations, StockLedger ledger, Clock clock) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A cancellation as recorded; {@code created} is false for a repeated request. */
    public record Cancelled(SalesOrder order, Cancellation cancellation, boolean created) {
    }

    /**
     * Records the cancellation once per cancellation id (the same again: the first answer; the same id with other
     * values: 409). Refused with 422 naming the line: a line not on the order or named twice, or more units than the
     * line has open (ordered minus shipped minus cancelled).
     */
    @Transactional
    public Cancelled cancel(String orderNumber, String channel, CancellationRequest request, String cancelledBy) {
        // Locked, so that a shipment and a cancellation of one order never both take the same open units.
        SalesOrder order = orders.order(orderNumber, channel, true);
        Optional<Cancellation> existing = cancellations.find(request.cancellationId());
        if (existing.isPresent()) {
            return replay(order, existing.get(), request);
        }
        List<FieldProblem> problems = check(order, request);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        Cancellation cancellation = new Cancellation(request.cancellationId(), order.id(), cancelledBy,
                OffsetDateTime.now(clock), request.lines().stream()
                .map(line -> new Cancellation.Line(line.lineNo(), line.quantity()))
                .sorted(Comparator.comparingInt(Cancellation.Line::lineNo)).toList());
        // Released units are available to sell again: the channels learn the higher figure with the cancellation.
        List<String> skus = request.lines().stream()
                .map(line -> order.line(line.lineNo()).orElseThrow().sku()).distinct().toList();
        if (!ledger.changingAvailability(skus, () -> cancellations.insert(cancellation))) {
            throw new ConflictException("Cancellation " + request.cancellationId()
                    + " was recorded by another request at the same time; send it again to see how it was recorded");
        }
        return new Cancelled(order, cancellations.find(request.cancellationId()).orElseThrow(), true);
    }

    /**
     * Cancels every unit of the order that is neither shipped nor cancelled yet, as the cancellation with this id (a
     * channel cancelling the whole order). Empty when nothing was left open; the same id again answers as the first
     * time, whatever is open now.
     */
    @Transactional
    public Optional<Cancelled> cancelWhatIsOpen(String orderNumber, String channel, String cancellationId,
                                                String cancelledBy) {
        SalesOrder order = orders.order(orderNumber, channel, true);
        Optional<Cancellation> existing = cancellations.find(cancellationId);
        if (existing.isPresent()) {
            if (existing.get().orderId() != order.id()) {
                throw new ConflictException("Cancellation " + cancellationId + " was already recorded for another "
                        + "order");
            }
            return Optional.of(new Cancelled(order, existing.get(), false));
        }
        Map<Integer, LineFulfilment> done = orders.fulfilment(order.id());
        List<CancellationRequest.Line> open = order.lines().stream()
                .map(line -> new CancellationRequest.Line(line.lineNo(),
                        done.getOrDefault(line.lineNo(), LineFulfilment.NONE).open(line)))
                .filter(line -> line.quantity() > 0).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cancel(orderNumber, channel, new CancellationRequest(cancellationId, open), cancelledBy));
    }

    private Cancelled replay(SalesOrder order, Cancellation stored, CancellationRequest resent) {
        List<Cancellation.Line> resentLines = resent.lines().stream()
                .map(line -> new Cancellation.Line(line.lineNo(), line.quantity()))
                .sorted(Comparator.comparingInt(Cancellation.Line::lineNo)).toList();
        List<String> differences = new ArrayList<>();
        if (stored.orderId() != order.id()) {
            differences.add("orderId");
        }
        if (!stored.lines().equals(resentLines)) {
            differences.add("lines");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("Cancellation " + stored.cancellationId()
                    + " was already recorded with other values for " + differences);
        }
        return new Cancelled(order, stored, false);
    }

    private List<FieldProblem> check(SalesOrder order, CancellationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<RequestedLine> lines = RequestedLine.onOrder(order,
                request.lines().stream().map(CancellationRequest.Line::lineNo).toList(),
                orders.fulfilment(order.id()), problems);
        for (RequestedLine line : lines) {
            int quantity = request.lines().get(line.index()).quantity();
            if (quantity > line.open()) {
                problems.add(new FieldProblem(line.field() + ".quantity", "is more than the " + line.open()
                        + " unit(s) of line " + line.ordered().lineNo() + " still open (" + line.ordered().quantity()
                        + " ordered, " + line.done().shipped() + " shipped, " + line.done().cancelled()
                        + " cancelled): shipped units come back as a return, they are not cancelled"));
            }
        }
        return problems;
    }
}
