package org.openreturns.quality;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.returns.Grade;
import org.openreturns.returns.LineReasons;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Codes;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what quality found when it inspected a returned line. Lines are inspected one at a time, in line order;
 * a line that received nothing is not inspected. When the last line is inspected the return is INSPECTED.
 */
@Service
public class InspectionService {

    private final InspectionRepository inspections;
    private final ReturnService returns;
    private final LineReasons lineReasons;
    private final CatalogService catalog;
    private final Clock clock;

    InspectionService(InspectionRepository inspections, ReturnService returns, LineReasons lineReasons,
                      CatalogService catalog, Clock clock) {
        this.inspections = inspections;
        this.returns = returns;
        this.lineReasons = lineReasons;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @param nextLine the next line to inspect; empty when every line that arrived is inspected */
    public record Recorded(List<FieldProblem> problems, Optional<Integer> nextLine) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks the findings for one line against what was sold; returns the problems, each naming the form field, and
     * records nothing when there are any. Otherwise records the line's inspection (once: a repeated step changes
     * nothing) and, after the last line, marks the return INSPECTED.
     */
    @Transactional
    public Recorded record(UUID returnId, int lineNo, InspectionFindings findings) {
        List<ReturnLineView> lines = returns.lines(returnId);
        ReturnLineView line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new IllegalStateException("Return " + returnId + " has no line " + lineNo));
        List<FieldProblem> problems = check(findings, line);
        if (!problems.isEmpty()) {
            return new Recorded(problems, Optional.of(lineNo));
        }
        Grade grade = Grade.valueOf(findings.grade());
        Boolean serialMatches = line.serialized() ? findings.serialMatches() : null;
        if (inspections.insertOnce(returnId, lineNo, grade, findings, serialMatches, OffsetDateTime.now(clock))) {
            returns.note(returnId, findings.inspectedBy(), "LINE_INSPECTED",
                    "Line " + lineNo + ": " + summary(grade, findings, line.serialized()));
        }
        // "Reason confirmed" judges the customer's code and the classifier's suggestion alike (docs/ai.md).
        lineReasons.inspected(returnId, lineNo, Boolean.TRUE.equals(findings.reasonConfirmed()),
                findings.inspectedBy());
        Optional<Integer> next = returns.lines(returnId).stream()
                .filter(l -> l.receivedQuantity() != null && l.receivedQuantity() > 0 && l.grade() == null)
                .map(ReturnLineView::lineNo).findFirst();
        if (next.isEmpty()) {
            returns.markInspected(returnId, findings.inspectedBy(), "Every line that arrived is inspected");
        }
        return new Recorded(List.of(), next);
    }

    @Transactional(readOnly = true)
    public List<LineInspection> inspectionsOf(UUID returnId) {
        return inspections.ofReturn(returnId);
    }

    /** What the inspection form shows of a line: what was sold, why it came back, and what arrived. */
    @Transactional(readOnly = true)
    public String lineSummary(UUID returnId, int lineNo) {
        ReturnLineView line = returns.lines(returnId).stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new IllegalStateException("Return " + returnId + " has no line " + lineNo));
        String name = catalog.product(line.sku()).map(Product::name).orElse(line.sku());
        StringBuilder text = new StringBuilder("Line " + lineNo + ": sold " + line.quantity() + " x " + line.sku()
                + " (" + name + ")");
        if (line.serialized()) {
            text.append(", serial(s) sold: ").append(String.join(", ", line.soldSerials()));
        }
        text.append("\nReason: ").append(line.reasonCode() == null ? "not given" : line.reasonCode())
                .append("; declared condition: ")
                .append(line.declaredCondition() == null ? "not given" : line.declaredCondition());
        text.append("\nArrived: ").append(line.receivedQuantity()).append(" x ").append(line.receivedSku())
                .append(line.receivedSerial() == null ? "" : " serial " + line.receivedSerial());
        if (line.receivedSku() != null && !line.receivedSku().equals(line.sku())) {
            text.append(" — NOT the SKU sold");
        }
        if (line.serialized() && line.receivedSerial() != null && !line.soldSerials().contains(line.receivedSerial())) {
            text.append(" — serial NOT sold on this line");
        }
        return text.toString();
    }

    static List<FieldProblem> check(InspectionFindings findings, ReturnLineView line) {
        List<FieldProblem> problems = new ArrayList<>();
        if (Codes.parse(Grade.class, findings.grade()).isEmpty()) {
            problems.add(new FieldProblem("grade", "must be one of A, B, C, D, E"));
        }
        requireAnswer(problems, "skuMatches", findings.skuMatches());
        requireAnswer(problems, "packagingOk", findings.packagingOk());
        requireAnswer(problems, "functional", findings.functional());
        requireAnswer(problems, "reasonConfirmed", findings.reasonConfirmed());
        if (line.serialized()) {
            requireAnswer(problems, "serialMatches", findings.serialMatches());
            String serial = findings.receivedSerial() == null ? "" : findings.receivedSerial().strip();
            if (serial.isEmpty()) {
                problems.add(new FieldProblem("receivedSerial", "is required: " + line.sku() + " is serialized"));
            } else if (Boolean.TRUE.equals(findings.serialMatches()) && !line.soldSerials().contains(serial)) {
                problems.add(new FieldProblem("serialMatches", "serial " + serial + " was not sold on line "
                        + line.lineNo() + " (sold: " + String.join(", ", line.soldSerials()) + ")"));
            }
        }
        if (Boolean.TRUE.equals(findings.skuMatches()) && line.receivedSku() != null
                && !line.receivedSku().equals(line.sku())) {
            problems.add(new FieldProblem("skuMatches", "the warehouse received " + line.receivedSku()
                    + " for line " + line.lineNo() + ", which sold " + line.sku()));
        }
        return problems;
    }

    private static void requireAnswer(List<FieldProblem> problems, String field, Boolean answer) {
        if (answer == null) {
            // No answer is ever taken as "no": a finding left open goes back to the inspector, naming it.
            problems.add(new FieldProblem(field, "is not answered: choose yes (true) or no (false)"));
        }
    }

    /** The timeline's one-line account of an inspection; the serial only counts for serialized items. */
    static String summary(Grade grade, InspectionFindings findings, boolean serialized) {
        return "Grade " + grade + (Boolean.TRUE.equals(findings.skuMatches()) ? "" : ", SKU does not match")
                + (serialized && Boolean.FALSE.equals(findings.serialMatches()) ? ", serial does not match" : "")
                + (Boolean.TRUE.equals(findings.functional()) ? "" : ", not functional")
                + (Boolean.TRUE.equals(findings.reasonConfirmed()) ? "" : ", reason not confirmed")
                + (findings.evidence().isEmpty() ? "" : ", evidence " + String.join(", ", findings.evidence()))
                + (findings.notes() == null || findings.notes().isBlank() ? "" : "; " + findings.notes().strip());
    }
}
