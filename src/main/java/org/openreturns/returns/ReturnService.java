package org.openreturns.returns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.openreturns.db.tables.records.ReturnRequestRecord;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.orders.OrderLine;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.openreturns.process.HumanTasks;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a return as the business sees it: requested against an order, its status changes, what arrived,
 * how it was resolved. Every change is written to the return's timeline with who made it and why.
 */
@Service
public class ReturnService {

    /** The actor of changes the process makes on its own, with no person behind them. */
    public static final String SYSTEM_ACTOR = "system";

    private final ReturnRepository returns;
    private final ReturnSearchRepository search;
    private final OrderService orders;
    private final CatalogService catalog;
    private final ProcessRuntime processRuntime;
    private final HumanTasks humanTasks;
    private final ApplicationEventPublisher events;
    private final LineReasons lineReasons;
    private final Clock clock;

    ReturnService(ReturnRepository returns, ReturnSearchRepository search, OrderService orders, CatalogService catalog,
                  ProcessRuntime processRuntime, HumanTasks humanTasks, ApplicationEventPublisher events,
                  LineReasons lineReasons, Clock clock) {
        this.returns = returns;
        this.search = search;
        this.orders = orders;
        this.catalog = catalog;
        this.processRuntime = processRuntime;
        this.humanTasks = humanTasks;
        this.events = events;
        this.lineReasons = lineReasons;
        this.clock = clock;
    }

    /** {@code created} is false when the request named a channel return id whose return exists already. */
    public record RequestedReturn(UUID returnId, String rmaNumber, ReturnStatus status,
                                  @JsonIgnore boolean created) {
    }

    /**
     * Records a return request against the lines of an order and starts its process, in one transaction: either
     * both exist or neither. The order row is locked so that two requests for the same line cannot both take the
     * last returnable unit, and a channel's return id names at most one return of the order.
     */
    @Transactional
    public RequestedReturn request(ReturnRequest request, String caller) {
        SalesOrder order = orders.orderForReturn(request.orderId(), request.channel(), true);
        if (request.channelReturnId() != null) {
            Optional<ReturnRequestRecord> made = returns.findByChannelReturnId(order.id(), request.channelReturnId());
            if (made.isPresent()) {
                return new RequestedReturn(made.get().getId(), made.get().getRmaNumber(),
                        ReturnStatus.valueOf(made.get().getStatus()), false);
            }
        }
        checkLines(order, request.lines());

        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID returnId = UUID.randomUUID();
        String rmaNumber = returns.nextRmaNumber(now.getYear());
        String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank()
                ? caller : request.requestedBy();
        returns.insertReturn(returnId, rmaNumber, order.id(), ReturnStatus.REQUESTED, request.customerMessage(),
                requestedBy, request.channelReturnId(), now);
        request.lines().forEach(line -> returns.insertLine(returnId, order.id(), line));
        returns.insertEvent(returnId, now, requestedBy, "REQUESTED", null, ReturnStatus.REQUESTED,
                "Return of " + request.lines().size() + " line(s) of order " + order.orderNumber()
                        + " (" + order.channel() + ")"
                        + (request.channelReturnId() == null ? "" : ", return " + request.channelReturnId()
                        + " authorised by the channel")
                        + (caller.equals(requestedBy) ? "" : ", entered by " + caller));
        // The RMA number is the business key, so returns are found by it in Cockpit and Operate.
        processRuntime.startProcess(ReturnProcess.PROCESS_ID, rmaNumber,
                Map.of(ReturnProcess.RETURN_ID, returnId.toString(), ReturnProcess.RMA_NUMBER, rmaNumber,
                        ReturnProcess.CUSTOMER_MESSAGE_GIVEN, request.customerMessage() != null
                                && !request.customerMessage().isBlank()));
        return new RequestedReturn(returnId, rmaNumber, ReturnStatus.REQUESTED, true);
    }

    private void checkLines(SalesOrder order, List<ReturnRequest.Line> lines) {
        Map<Integer, Integer> held = returns.quantityHeldByReturns(order.id());
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReturnRequest.Line line = lines.get(i);
            String field = "lines[" + i + "]";
            Optional<OrderLine> orderLine = order.line(line.lineNo());
            if (orderLine.isEmpty()) {
                problems.add(new FieldProblem(field + ".lineNo", "order " + order.orderNumber() + " has no line "
                        + line.lineNo()));
                continue;
            }
            if (!seen.add(line.lineNo())) {
                problems.add(new FieldProblem(field + ".lineNo", "line " + line.lineNo() + " appears twice"));
                continue;
            }
            if (catalog.product(orderLine.get().sku()).isEmpty()) {
                problems.add(new FieldProblem(field + ".lineNo", "SKU " + orderLine.get().sku() + " sold on line "
                        + line.lineNo() + " is not in the catalogue, so its return cannot be booked"));
                continue;
            }
            int returnable = orderLine.get().quantity() - held.getOrDefault(line.lineNo(), 0);
            if (line.quantity() > returnable) {
                problems.add(new FieldProblem(field + ".quantity", "only " + returnable + " of "
                        + orderLine.get().quantity() + " sold can still be returned"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
    }

    // The status changes of a return, one method per row of ReturnTransition. Each returns whether the status
    // changed now: false when the return already has the status the change leads to.

    @Transactional
    public boolean markPendingReview(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.MARK_PENDING_REVIEW, actor, detail);
    }

    @Transactional
    public boolean authorize(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.AUTHORIZE, actor, detail);
    }

    @Transactional
    public boolean reject(UUID returnId, String actor, String reason) {
        return change(returnId, ReturnTransition.REJECT, actor, reason);
    }

    @Transactional
    public boolean markInTransit(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.MARK_IN_TRANSIT, actor, detail);
    }

    @Transactional
    public boolean markReceived(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.MARK_RECEIVED, actor, detail);
    }

    @Transactional
    public boolean expire(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.EXPIRE, actor, detail);
    }

    @Transactional
    public boolean markInspected(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.MARK_INSPECTED, actor, detail);
    }

    @Transactional
    public boolean awaitApproval(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.AWAIT_APPROVAL, actor, detail);
    }

    @Transactional
    public boolean dispute(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.DISPUTE, actor, detail);
    }

    @Transactional
    public boolean resolveDispute(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.RESOLVE_DISPUTE, actor, detail);
    }

    @Transactional
    public boolean resolve(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.RESOLVE, actor, detail);
    }

    @Transactional
    public boolean close(UUID returnId, String actor, String detail) {
        return change(returnId, ReturnTransition.CLOSE, actor, detail);
    }

    /**
     * Moves a return along a transition and writes the change to its timeline. Repeating a change that already
     * happened does nothing, so a step delivered twice records it once; a change from a status the transition does
     * not start from is a broken lifecycle and fails loudly.
     *
     * @return whether the status changed now
     */
    private boolean change(UUID returnId, ReturnTransition transition, String actor, String detail) {
        ReturnRequestRecord stored = returns.findForUpdate(returnId).orElseThrow(() -> unknown(returnId));
        ReturnStatus current = ReturnStatus.valueOf(stored.getStatus());
        if (current == transition.to()) {
            return false;
        }
        if (!transition.allowedFrom(current)) {
            throw new IllegalStateException("Return " + returnId + " cannot " + transition + " from " + current
                    + "; expected one of " + transition.from());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        returns.updateStatus(returnId, transition.to(), now);
        returns.insertEvent(returnId, now, actor, transition.eventType(), current, transition.to(), detail);
        events.publishEvent(new ReturnStatusChanged(returnId, stored.getRmaNumber(), current, transition.to(), actor,
                detail, now));
        return true;
    }

    /** Records what arrived for each line of the return. */
    @Transactional
    public void recordReceivedItem(UUID returnId, int lineNo, String sku, String serial, int quantity) {
        returns.recordReceivedItem(returnId, lineNo, sku, serial, quantity);
    }

    /** Records where the returned units of a line are now, as the API shows it. */
    @Transactional
    public void recordLocation(UUID returnId, int lineNo, LocationType locationType) {
        returns.recordLocation(returnId, lineNo, locationType);
    }

    /** Records what was decided for a line: the disposition of its units and the refund decision. */
    @Transactional
    public void recordDecision(UUID returnId, int lineNo, LineDecision decision) {
        returns.recordDecision(returnId, lineNo, decision);
    }

    /** Records why the return needs an approval (null: it needs none). */
    @Transactional
    public void recordApprovalReason(UUID returnId, String reason) {
        returns.recordApprovalReason(returnId, reason);
    }

    @Transactional(readOnly = true)
    public Optional<String> approvalReason(UUID returnId) {
        return returns.approvalReason(returnId);
    }

    @Transactional(readOnly = true)
    public OrderReference orderOf(UUID returnId) {
        return returns.orderOf(returnId).orElseThrow(() -> unknown(returnId));
    }

    /** Adds a note to the timeline that changes no status, e.g. a decision on the way. */
    @Transactional
    public void note(UUID returnId, String actor, String type, String detail) {
        returns.insertEvent(returnId, OffsetDateTime.now(clock), actor, type, null, null, detail);
    }

    /**
     * Adds the note unless it is the latest entry of the timeline already: a step delivered again (Camunda 8 delivers
     * at least once) notes what it found once.
     */
    @Transactional
    public void noteOnce(UUID returnId, String actor, String type, String detail) {
        returns.findForUpdate(returnId).orElseThrow(() -> unknown(returnId));
        if (!returns.latestEventIs(returnId, actor, type, detail)) {
            note(returnId, actor, type, detail);
        }
    }

    /**
     * Records the return's risk score and its signals, with a timeline entry, unless it has a score already: a
     * repeated scoring step keeps the first one. Answers the stored score.
     */
    @Transactional
    public ReturnDetails.Risk recordRisk(UUID returnId, int score, List<String> signals, String actor) {
        if (returns.recordRisk(returnId, score, signals, OffsetDateTime.now(clock))) {
            returns.insertEvent(returnId, OffsetDateTime.now(clock), actor, "RISK_SCORED", null, null,
                    "Return risk " + score + "/100" + (signals.isEmpty() ? "" : ": " + String.join("; ", signals)));
        }
        return returns.risk(returnId).orElseThrow();
    }

    /** The return's risk score; empty when it was not scored (requested before scoring existed). */
    @Transactional(readOnly = true)
    public Optional<ReturnDetails.Risk> risk(UUID returnId) {
        return returns.risk(returnId);
    }

    @Transactional(readOnly = true)
    public List<ReturnLineView> lines(UUID returnId) {
        return returns.lines(returnId);
    }

    @Transactional(readOnly = true)
    public Optional<ReturnSummary> findByRma(String rmaNumber) {
        return returns.findByRma(rmaNumber).map(ReturnService::summary);
    }

    @Transactional(readOnly = true)
    public Optional<ReturnSummary> find(UUID returnId) {
        return returns.find(returnId).map(ReturnService::summary);
    }

    @Transactional(readOnly = true)
    public ReturnSummary summary(UUID returnId) {
        return returns.find(returnId).map(ReturnService::summary).orElseThrow(() -> unknown(returnId));
    }

    /** One page of the returns that match, in the order the search asks for. */
    @Transactional(readOnly = true)
    public ReturnPage search(ReturnSearch returnSearch) {
        long total = search.count(returnSearch);
        List<ReturnListing> items = search.find(returnSearch, (long) returnSearch.page() * returnSearch.size(),
                returnSearch.size());
        return new ReturnPage(items, total, returnSearch.page(), returnSearch.size());
    }

    /** Every return that matches, up to {@code limit}, whatever page the search is on: for an export. */
    @Transactional(readOnly = true)
    public List<ReturnListing> searchAll(ReturnSearch returnSearch, int limit) {
        return search.find(returnSearch, 0, limit);
    }

    @Transactional(readOnly = true)
    public ReturnDetails details(UUID returnId) {
        ReturnRequestRecord stored = returns.find(returnId).orElseThrow(() -> unknown(returnId));
        OrderReference order = returns.orderOf(returnId).orElseThrow();
        return new ReturnDetails(returnId, stored.getRmaNumber(), order.orderNumber(), order.channel(),
                stored.getChannelReturnId(), order.currency(), order.warehouse(), ReturnStatus.valueOf(stored.getStatus()),
                stored.getRequestedAt(), stored.getRequestedBy(), stored.getCustomerMessage(),
                returns.risk(returnId).orElse(null), returns.lines(returnId), returns.refund(returnId).orElse(null), returns.timeline(returnId),
                returns.notifications(returnId), humanTasks.openTasksOf(stored.getRmaNumber()).stream()
                        .map(ReturnDetails.OpenTask::of).toList(), lineReasons.of(returnId));
    }

    private static ReturnSummary summary(ReturnRequestRecord stored) {
        return new ReturnSummary(stored.getId(), stored.getRmaNumber(), ReturnStatus.valueOf(stored.getStatus()));
    }

    private static NotFoundException unknown(UUID returnId) {
        return new NotFoundException("returnId", "No return has the id " + returnId);
    }
}
