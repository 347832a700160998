package org.openreturns.resolution;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.quality.InspectionService;
import org.openreturns.quality.LineInspection;
import org.openreturns.refunds.DeductionType;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.LineDecision;
import org.openreturns.returns.LineResult;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, once every line is inspected, what happens to each line's units and money — the {@code disposition} table of
 * {@code bpmn/disposition.dmn}, evaluated per line by the model's business rule task with the inputs prepared here —
 * and where the return goes next: straight to resolution, to an approval by
 * finance or a manager (the conditions of docs/specification/lifecycle.md: high value, serialized, SKU or serial
 * mismatch, a refund above the limit), or on hold when a line is disputed.
 */
@Service
public class ResolutionPlanner {

    static final String DECISION_ID = "disposition";

    private final ReturnService returns;
    private final InspectionService inspections;
    private final CatalogService catalog;
    private final LifecyclePolicy policy;

    ResolutionPlanner(ReturnService returns, InspectionService inspections, CatalogService catalog,
                      LifecyclePolicy policy) {
        this.returns = returns;
        this.inspections = inspections;
        this.catalog = catalog;
        this.policy = policy;
    }

    public enum Route { RESOLVE, APPROVAL, DISPUTE }

    public record Plan(Route route, String approvalReason) {
    }

    /**
     * What the {@code disposition} table needs of each inspected line, in line order: the line number and a value for
     * every input column. The business rule task of the model evaluates the table once per entry.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> decisionInputs(UUID returnId) {
        String currency = returns.orderOf(returnId).currency();
        Map<Integer, LineInspection> inspected = inspectionsByLine(returnId);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (ReturnLineView line : returns.lines(returnId)) {
            LineInspection inspection = inspected.get(line.lineNo());
            if (inspection != null) {
                inputs.add(decisionInputs(line, inspection, catalog.product(line.receivedSku()).orElseThrow(),
                        currency));
            }
        }
        return inputs;
    }

    /**
     * Records each line's disposition and refund and routes the return.
     *
     * @param inputs  the entries of {@link #decisionInputs}, as the model handed them on
     * @param results the table's outputs for the entry at the same position
     */
    @Transactional
    public Plan plan(UUID returnId, List<Map<String, Object>> inputs, List<Map<String, Object>> results) {
        String currency = returns.orderOf(returnId).currency();
        Map<Integer, LineInspection> inspected = inspectionsByLine(returnId);
        Map<Integer, ReturnLineView> lines = new HashMap<>();
        returns.lines(returnId).forEach(line -> lines.put(line.lineNo(), line));
        List<LineDecision> planned = new ArrayList<>();
        Set<String> approvalReasons = new LinkedHashSet<>();
        long refundTotal = 0;
        for (LineResult result : LineResult.pair(DECISION_ID, inputs, results)) {
            ReturnLineView line = lines.get(result.lineNo());
            LineInspection inspection = inspected.get(result.lineNo());
            if (line == null || inspection == null) {
                throw new IllegalStateException("Decision " + DECISION_ID + " decided line " + result.lineNo()
                        + " of return " + returnId + ", which has no such inspected line");
            }
            Product sold = catalog.product(line.sku()).orElseThrow();
            LineDecision decision = lineDecision(result);
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

    private Map<Integer, LineInspection> inspectionsByLine(UUID returnId) {
        Map<Integer, LineInspection> inspected = new HashMap<>();
        inspections.inspectionsOf(returnId).forEach(inspection -> inspected.put(inspection.lineNo(), inspection));
        return inspected;
    }

    private static Map<String, Object> decisionInputs(ReturnLineView line, LineInspection inspection,
                                                      Product received, String currency) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(LineResult.LINE_NO, line.lineNo());
        inputs.put("grade", inspection.grade().name());
        inputs.put("reasonCode", line.reasonCode() == null ? "" : line.reasonCode());
        inputs.put("reasonConfirmed", inspection.reasonConfirmed());
        inputs.put("skuMatches", inspection.skuMatches());
        inputs.put("serialMatches", !Boolean.FALSE.equals(inspection.serialMatches()));
        inputs.put("category", received.category());
        inputs.put("unitPrice", Money.fromMinorUnits(line.unitPriceMinor(), Currency.getInstance(currency))
                .doubleValue());
        inputs.put("hasSupplier", received.supplierCode() != null);
        return inputs;
    }

    private static LineDecision lineDecision(LineResult result) {
        RefundDecision refundDecision = RefundDecision.valueOf(result.output("refundDecision"));
        boolean partial = refundDecision == RefundDecision.PARTIAL;
        return new LineDecision(result.lineNo(), Disposition.valueOf(result.output("disposition")), refundDecision,
                partial ? DeductionType.valueOf(result.output("deductionType")) : null,
                partial ? result.number("deductionPercent").intValue() : null, result.output("reason"));
    }

    static String describe(List<LineDecision> decisions) {
        return String.join("; ", decisions.stream().map(d -> "line " + d.lineNo() + ": " + d.disposition() + ", refund "
                + d.refundDecision() + (d.deductionPercent() == null ? "" : " less " + d.deductionPercent() + " % "
                + d.deductionType()) + " (" + d.reason() + ")").toList());
    }
}
