package org.openreturns.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnDetails;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnTransition;
import org.openreturns.system.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the tasks of a return show in the task list and their forms: a title naming the RMA, the SKU or the
 * customer and the money; a due date from the stage's SLA; a priority from value and waiting time; and what the
 * form should not make a person look up (the order number, the customer's message, the inspector's findings).
 * The steps that run as a task starts put these into process variables ({@link TaskVariables}).
 */
@Component
class ReturnTaskDescriptions {

    private final ReturnService returns;
    private final OrderService orders;
    private final LifecyclePolicy policy;
    private final Clock clock;

    ReturnTaskDescriptions(ReturnService returns, OrderService orders, LifecyclePolicy policy, Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.policy = policy;
        this.clock = clock;
    }

    /** Support reviews a return the eligibility rules could not decide. */
    @Transactional(readOnly = true)
    Map<String, Object> review(UUID returnId) {
        ReturnDetails details = returns.details(returnId);
        BigDecimal requested = paid(details, details.lines());
        return TaskVariables.of("Review " + details.rmaNumber() + " · " + customer(details) + " · "
                        + details.lines().size() + (details.lines().size() == 1 ? " line · " : " lines · ")
                        + money(requested, details),
                now().plus(policy.reviewSla()), priority(requested, details));
    }

    /**
     * Quality inspects one line; the form gets the order number and the customer's message, and the serial the
     * warehouse scanned unless the inspector already gave one (a form sent back keeps their answer).
     */
    @Transactional(readOnly = true)
    Map<String, Object> inspection(UUID returnId, int lineNo, Instant dueAt, boolean serialAnswered) {
        ReturnDetails details = returns.details(returnId);
        ReturnLineView line = details.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new IllegalStateException("Return " + returnId + " has no line " + lineNo));
        BigDecimal value = paid(details, List.of(line));
        Map<String, Object> variables = TaskVariables.of("Inspect " + details.rmaNumber() + " line " + lineNo
                + " · " + (line.receivedSku() == null ? line.sku() : line.receivedSku()) + " · " + money(value, details),
                dueAt, priority(value, details));
        variables.put(TaskVariables.ORDER_NUMBER, details.orderId() + " (" + details.channel() + ")");
        variables.put(TaskVariables.CUSTOMER_MESSAGE, details.customerMessage() == null
                || details.customerMessage().isBlank() ? "No message" : details.customerMessage());
        variables.put(TaskVariables.SERIALIZED_ITEM, line.serialized());
        if (!serialAnswered && line.receivedSerial() != null) {
            variables.put(TaskVariables.RECEIVED_SERIAL, line.receivedSerial());
        }
        return variables;
    }

    /** Finance or a manager approves the disposition and refund decided for the return. */
    @Transactional(readOnly = true)
    Map<String, Object> approval(UUID returnId) {
        ReturnDetails details = returns.details(returnId);
        BigDecimal atStake = paid(details, inspected(details));
        Map<String, Object> variables = TaskVariables.of("Approve " + details.rmaNumber() + " · " + customer(details)
                + " · " + money(atStake, details), now().plus(policy.refundSla()), priority(atStake, details));
        variables.putAll(caseFile(details, atStake));
        return variables;
    }

    /** A manager resolves a return on hold. */
    @Transactional(readOnly = true)
    Map<String, Object> dispute(UUID returnId) {
        ReturnDetails details = returns.details(returnId);
        BigDecimal atStake = paid(details, inspected(details));
        Map<String, Object> variables = TaskVariables.of("Resolve dispute " + details.rmaNumber() + " · "
                + customer(details) + " · " + money(atStake, details), now().plus(policy.refundSla()),
                priority(atStake, details));
        variables.putAll(caseFile(details, atStake));
        return variables;
    }

    /** What an approver or a manager needs in front of them: who, how much, what the inspector found and showed. */
    private Map<String, Object> caseFile(ReturnDetails details, BigDecimal atStake) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(TaskVariables.CUSTOMER, customer(details) + ", order " + details.orderId() + " ("
                + details.channel() + ")" + (details.customerMessage() == null || details.customerMessage().isBlank()
                ? "" : "; says: " + details.customerMessage()));
        variables.put(TaskVariables.MONEY_AT_STAKE, money(atStake, details) + " paid for the returned units"
                + inspected(details).stream().map(line -> "\nLine " + line.lineNo() + ": " + line.quantity() + " x "
                        + line.sku() + " at " + money(Money.fromMinorUnits(line.unitPriceMinor(), currency(details)),
                        details) + (line.refundDecision() == null ? "" : ", refund decided: "
                        + line.refundDecision() + (line.deductionPercent() == null || line.deductionPercent() == 0
                        ? "" : " less " + line.deductionPercent() + " %")))
                .collect(Collectors.joining()));
        String findings = details.timeline().stream()
                .filter(event -> Set.of("LINE_INSPECTED", "DECIDED", "APPROVAL_REFUSED", "DISPUTE_RESOLVED")
                        .contains(event.type()))
                .map(event -> event.type() + " by " + event.actor() + ": " + event.detail())
                .collect(Collectors.joining("\n"));
        variables.put(TaskVariables.FINDINGS, findings.isEmpty() ? "Nothing recorded" : findings);
        variables.put(TaskVariables.REQUESTED_AT, instant(details.requestedAt()));
        lastTimeOf(details, ReturnTransition.MARK_RECEIVED.eventType())
                .ifPresent(at -> variables.put(TaskVariables.PARCEL_RECEIVED_AT, instant(at)));
        lastTimeOf(details, "LINE_INSPECTED").ifPresent(at -> variables.put(TaskVariables.INSPECTED_AT, instant(at)));
        return variables;
    }

    private static Optional<OffsetDateTime> lastTimeOf(ReturnDetails details, String eventType) {
        return details.timeline().stream().filter(event -> event.type().equals(eventType))
                .map(ReturnDetails.TimelineEntry::at).max(Comparator.naturalOrder());
    }

    /** Whole seconds in UTC, the form of instant a read-only date-time field of a form reads. */
    private static String instant(OffsetDateTime at) {
        return at.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<ReturnLineView> inspected(ReturnDetails details) {
        return details.lines().stream().filter(line -> line.grade() != null).toList();
    }

    private String customer(ReturnDetails details) {
        SalesOrder order = orders.orderForReturn(details.orderId(), details.channel(), false);
        return "customer " + order.customerId() + " (" + order.customerTier() + ")";
    }

    /** What the customer paid for the units of these lines that are coming back (or came, when fewer arrived). */
    private static BigDecimal paid(ReturnDetails details, List<ReturnLineView> lines) {
        long minor = lines.stream().mapToLong(line -> line.unitPriceMinor() * Math.min(line.quantity(),
                line.receivedQuantity() == null ? line.quantity() : line.receivedQuantity())).sum();
        return Money.fromMinorUnits(minor, currency(details));
    }

    private static Currency currency(ReturnDetails details) {
        return Currency.getInstance(details.currency());
    }

    private static String money(BigDecimal amount, ReturnDetails details) {
        return amount.toPlainString() + " " + details.currency();
    }

    private int priority(BigDecimal atStake, ReturnDetails details) {
        return TaskPriority.of(atStake, policy.highValueThreshold(),
                Duration.between(details.requestedAt().toInstant(), now()));
    }

    private Instant now() {
        return OffsetDateTime.now(clock).toInstant();
    }
}
