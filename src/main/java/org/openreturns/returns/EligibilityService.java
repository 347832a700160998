package org.openreturns.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.orders.OrderService;
import org.openreturns.orders.SalesOrder;
import org.openreturns.system.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a requested return may go ahead, line by line, with the {@code eligibility} decision table of
 * {@code bpmn/eligibility.dmn} (return window, final sale, customer tier, declared condition, value, the return-risk
 * score the step before gave). The model's business rule task evaluates the table for each line with the inputs
 * this service prepares, and this service applies the results. The return as a whole is rejected when a line is,
 * goes to a manual review when a line needs one, and is approved otherwise.
 */
@Service
public class EligibilityService {

    static final String DECISION_ID = "eligibility";

    private final ReturnService returns;
    private final ReturnRepository repository;
    private final OrderService orders;
    private final CatalogService catalog;
    private final Clock clock;

    EligibilityService(ReturnService returns, ReturnRepository repository, OrderService orders,
                       CatalogService catalog, Clock clock) {
        this.returns = returns;
        this.repository = repository;
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The return's eligibility and, for a manual review, what the reviewer's form shows. */
    public record Outcome(Eligibility eligibility, String reason, String orderSummary, String customerMessage,
                          String returnHistory) {
    }

    /**
     * What the {@code eligibility} table needs of each line, in line order: the line number and a value for every
     * input column. The business rule task of the model evaluates the table once per entry.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> decisionInputs(UUID returnId) {
        SalesOrder order = orders.findById(repository.orderIdOf(returnId)).orElseThrow();
        // A return requested before risk scoring existed has no score and counts as showing no risk.
        int riskScore = repository.risk(returnId).map(ReturnDetails.Risk::score).orElse(0);
        return returns.lines(returnId).stream().map(line -> decisionInputs(order, line, riskScore)).toList();
    }

    /**
     * Records each line's decision and the return's on its timeline, and marks a return that needs a review
     * PENDING_REVIEW. The return is rejected when a line is, goes to a review when a line needs one, and is approved
     * otherwise. Applying the same results again (a repeated step) gives the same outcome and records nothing twice.
     *
     * @param inputs  the entries of {@link #decisionInputs}, as the model handed them on
     * @param results the table's outputs ({@code eligibility}, {@code reason}) for the entry at the same position
     */
    @Transactional
    public Outcome apply(UUID returnId, List<Map<String, Object>> inputs, List<Map<String, Object>> results) {
        ReturnSummary summary = returns.summary(returnId);
        SalesOrder order = orders.findById(repository.orderIdOf(returnId)).orElseThrow();
        List<ReturnLineView> lines = returns.lines(returnId);
        List<LineOutcome> outcomes = new ArrayList<>();
        for (LineResult decided : LineResult.pair(DECISION_ID, inputs, results)) {
            LineOutcome outcome = new LineOutcome(decided.lineNo(),
                    Eligibility.valueOf(decided.output("eligibility")), decided.output("reason"));
            repository.recordEligibility(returnId, outcome.lineNo(), outcome.eligibility(), outcome.reason());
            outcomes.add(outcome);
        }
        Eligibility overall = outcomes.stream().map(LineOutcome::eligibility)
                .max(Comparator.comparingInt(Eligibility::severity)).orElseThrow(() -> new IllegalStateException(
                        "Return " + returnId + " has no eligibility result for any line"));
        String reason = String.join("; ", outcomes.stream().filter(o -> o.eligibility() == overall)
                .map(o -> lines.size() == 1 ? o.reason() : "line " + o.lineNo() + ": " + o.reason())
                .distinct().toList());
        if (summary.status() == ReturnStatus.REQUESTED) {
            if (overall == Eligibility.MANUAL_REVIEW) {
                returns.markPendingReview(returnId, ReturnService.SYSTEM_ACTOR, "Manual review needed: " + reason);
            } else {
                returns.note(returnId, ReturnService.SYSTEM_ACTOR, "ELIGIBILITY_CHECKED",
                        overall + ": " + reason);
            }
        }
        return new Outcome(overall, reason, orderSummary(order, lines),
                repository.customerMessage(returnId).orElse(""), returnHistory(order.customerId(), returnId));
    }

    private record LineOutcome(int lineNo, Eligibility eligibility, String reason) {
    }

    private Map<String, Object> decisionInputs(SalesOrder order, ReturnLineView line, int riskScore) {
        Product product = catalog.product(line.sku()).orElseThrow(() -> new IllegalStateException(
                "SKU " + line.sku() + " of return line " + line.lineNo() + " is not in the catalogue"));
        Currency currency = Currency.getInstance(order.currency());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(LineResult.LINE_NO, line.lineNo());
        inputs.put("customerTier", order.customerTier().name());
        inputs.put("delivered", order.deliveredAt() != null);
        inputs.put("daysSinceDelivery", order.deliveredAt() == null ? 0
                : Math.max(0, Duration.between(order.deliveredAt(), OffsetDateTime.now(clock)).toDays()));
        inputs.put("finalSale", product.finalSale());
        inputs.put("declaredCondition", line.declaredCondition() == null ? "" : line.declaredCondition());
        inputs.put("reasonCode", line.reasonCode() == null ? "" : line.reasonCode());
        inputs.put("lineValue", Money.fromMinorUnits(line.unitPriceMinor() * line.quantity(), currency).doubleValue());
        inputs.put("returnRiskScore", riskScore);
        return inputs;
    }

    private String orderSummary(SalesOrder order, List<ReturnLineView> lines) {
        Currency currency = Currency.getInstance(order.currency());
        StringBuilder text = new StringBuilder("Order " + order.orderNumber() + " (" + order.channel() + "), placed "
                + order.placedAt().toLocalDate() + ", " + (order.deliveredAt() == null ? "not delivered yet"
                : "delivered " + order.deliveredAt().toLocalDate()) + "; customer " + order.customerId() + " ("
                + order.customerTier() + ")");
        for (ReturnLineView line : lines) {
            BigDecimal price = Money.fromMinorUnits(line.unitPriceMinor(), currency);
            text.append("\nLine ").append(line.lineNo()).append(": ").append(line.quantity()).append(" x ")
                    .append(line.sku()).append(" at ").append(price.toPlainString()).append(' ')
                    .append(order.currency()).append(", reason ")
                    .append(line.reasonCode() == null ? "not given" : line.reasonCode()).append(", declared ")
                    .append(line.declaredCondition() == null ? "not given" : line.declaredCondition());
        }
        return text.toString();
    }

    private String returnHistory(String customerId, UUID returnId) {
        List<String> earlier = repository.otherReturnsOfCustomer(customerId, returnId);
        return earlier.isEmpty() ? "No earlier returns" : earlier.size() + " earlier return(s):\n"
                + String.join("\n", earlier);
    }
}
