package org.openreturns.resolution;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.process.DecisionEvaluator;
import org.openreturns.quality.InspectionService;
import org.openreturns.quality.LineInspection;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.LineDecision;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, once every line is inspected, what happens to each line's units and money — the {@code disposition} table of
 * {@code bpmn/disposition.dmn} per line — and where the return goes next: straight to resolution, to an approval by
 * finance or a manager (the conditions of docs/specification/lifecycle.md: high value, serialized, SKU or serial
 * mismatch, a refund above the limit), or on hold when a line is disputed.
 */
@Service
public class ResolutionPlanner {

    static final String DECISION_ID = "disposition";

    private final ReturnService returns;
    private final InspectionService inspections;
    private final CatalogService catalog;
    private final DecisionEvaluator decisions;
    private final LifecyclePolicy policy;

    ResolutionPlanner(ReturnService returns, InspectionService inspections, CatalogService catalog,
                      DecisionEvaluator decisions, LifecyclePolicy policy) {
        this.returns = returns;
        this.inspections = inspections;
        this.catalog = catalog;
        this.decisions = decisions;
        this.policy = policy;
    }

    public enum Route { RESOLVE, APPROVAL, DISPUTE }

    public record Plan(Route route, String approvalReason) {
    }

    @Transactional
    public Plan plan(UUID returnId) {
        String currency = returns.orderOf(returnId).currency();
        Map<Integer, LineInspection> inspected = new HashMap<>();
        inspections.inspectionsOf(returnId).forEach(inspection -> inspected.put(inspection.lineNo(), inspection));
        List<LineDecision> planned = new ArrayList<>();
        Set<String> approvalReasons = new LinkedHashSet<>();
        long refundTotal = 0;
        for (ReturnLineView line : returns.lines(returnId)) {
            LineInspection inspection = inspected.get(line.lineNo());
            if (inspection == null) {
                continue;
            }
            Product product = catalog.product(line.receivedSku()).orElseThrow();
            Product sold = catalog.product(line.sku()).orElseThrow();
            LineDecision decision = decide(line, inspection, product, currency);
            returns.recordDecision(returnId, line.lineNo(), decision);
            planned.add(decision);
            refundTotal += RefundAmounts.amount(line, decision.refundDecision(), decision.deductionPercent());
            approvalReasons.addAll(ApprovalRules.lineReasons(line, inspection, sold, currency, policy));
        }
        ApprovalRules.refundReason(refundTotal, currency, policy).ifPresent(approvalReasons::add);
        if (planned.stream().anyMatch(decision -> decision.disposition() == Disposition.HOLD)) {
            returns.note(returnId, ReturnService.SYSTEM_ACTOR, "DECIDED", describe(planned));
            return new Plan(Route.DISPUTE, null);
        }
        if (!approvalReasons.isEmpty()) {
            String reason = String.join("; ", approvalReasons);
            returns.recordApprovalReason(returnId, reason);
            returns.awaitApproval(returnId, ReturnService.SYSTEM_ACTOR, describe(planned) + ". Needs approval: " + reason);
            return new Plan(Route.APPROVAL, reason);
        }
        returns.note(returnId, ReturnService.SYSTEM_ACTOR, "DECIDED", describe(planned));
        return new Plan(Route.RESOLVE, null);
    }

    private LineDecision decide(ReturnLineView line, LineInspection inspection, Product received, String currency) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("grade", inspection.grade().name());
        inputs.put("reasonCode", line.reasonCode() == null ? "" : line.reasonCode());
        inputs.put("reasonConfirmed", inspection.reasonConfirmed());
        inputs.put("skuMatches", inspection.skuMatches());
        inputs.put("serialMatches", !Boolean.FALSE.equals(inspection.serialMatches()));
        inputs.put("category", received.category());
        inputs.put("unitPrice", Money.fromMinorUnits(line.unitPriceMinor(), Currency.getInstance(currency))
                .doubleValue());
        inputs.put("hasSupplier", received.supplierCode() != null);
        List<Map<String, Object>> results = decisions.evaluate(DECISION_ID, inputs);
        if (results.size() != 1) {
            throw new IllegalStateException("Decision " + DECISION_ID + " gave " + results.size()
                    + " results for return line " + line.lineNo() + " (inputs " + inputs + "); it must give one");
        }
        Map<String, Object> result = results.get(0);
        RefundDecision refundDecision = RefundDecision.valueOf((String) result.get("refundDecision"));
        boolean partial = refundDecision == RefundDecision.PARTIAL;
        return new LineDecision(line.lineNo(), Disposition.valueOf((String) result.get("disposition")),
                refundDecision, partial ? DeductionType.valueOf((String) result.get("deductionType")) : null,
                partial ? ((Number) result.get("deductionPercent")).intValue() : null, (String) result.get("reason"));
    }

    static String describe(List<LineDecision> decisions) {
        return String.join("; ", decisions.stream().map(d -> "line " + d.lineNo() + ": " + d.disposition() + ", refund "
                + d.refundDecision() + (d.deductionPercent() == null ? "" : " less " + d.deductionPercent() + " % "
                + d.deductionType()) + " (" + d.reason() + ")").toList());
    }
}
