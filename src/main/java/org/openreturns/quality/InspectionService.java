package org.openreturns.quality;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.system.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what quality found when it inspected a returned parcel. */
@Service
public class InspectionService {

    private final InspectionRepository inspections;
    private final ReturnService returns;
    private final Clock clock;

    InspectionService(InspectionRepository inspections, ReturnService returns, Clock clock) {
        this.inspections = inspections;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * Checks the findings against what was sold; returns the problems, each naming the form field, and records
     * nothing when there are any. Otherwise records the inspection of every line and marks the return INSPECTED.
     */
    @Transactional
    public List<FieldProblem> record(UUID returnId, InspectionFindings findings) {
        List<ReturnLineView> lines = returns.lines(returnId);
        List<FieldProblem> problems = check(findings, lines);
        if (!problems.isEmpty()) {
            return problems;
        }
        Grade grade = Grade.valueOf(findings.grade());
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ReturnLineView line : lines) {
            Boolean serialMatches = line.serialized() ? findings.serialMatches() : null;
            inspections.insertOnce(returnId, line.lineNo(), grade, findings, serialMatches, now);
        }
        returns.changeStatus(returnId, Set.of(ReturnStatus.RECEIVED), ReturnStatus.INSPECTED,
                findings.inspectedBy(), "INSPECTED",
                summary(grade, findings, lines.stream().anyMatch(ReturnLineView::serialized)));
        return List.of();
    }

    static List<FieldProblem> check(InspectionFindings findings, List<ReturnLineView> lines) {
        List<FieldProblem> problems = new ArrayList<>();
        if (findings.grade() == null || !Set.of("A", "B", "C", "D", "E").contains(findings.grade())) {
            problems.add(new FieldProblem("grade", "must be one of A, B, C, D, E"));
        }
        requireAnswer(problems, "skuMatches", findings.skuMatches());
        requireAnswer(problems, "packagingOk", findings.packagingOk());
        requireAnswer(problems, "functional", findings.functional());
        requireAnswer(problems, "reasonConfirmed", findings.reasonConfirmed());
        for (ReturnLineView line : lines.stream().filter(ReturnLineView::serialized).toList()) {
            String serial = findings.receivedSerial() == null ? "" : findings.receivedSerial().strip();
            if (serial.isEmpty()) {
                problems.add(new FieldProblem("receivedSerial", "is required: " + line.sku() + " is serialized"));
            } else if (Boolean.TRUE.equals(findings.serialMatches()) && !line.soldSerials().contains(serial)) {
                problems.add(new FieldProblem("serialMatches", "serial " + serial + " was not sold on line "
                        + line.lineNo() + " (sold: " + String.join(", ", line.soldSerials()) + ")"));
            }
        }
        return problems;
    }

    private static void requireAnswer(List<FieldProblem> problems, String field, Boolean answer) {
        if (answer == null) {
            problems.add(new FieldProblem(field, "must be answered true or false"));
        }
    }

    /** The timeline's one-line account of an inspection; the serial only counts for serialized items. */
    static String summary(Grade grade, InspectionFindings findings, boolean serialized) {
        return "Grade " + grade + (Boolean.TRUE.equals(findings.skuMatches()) ? "" : ", SKU does not match")
                + (serialized && Boolean.FALSE.equals(findings.serialMatches()) ? ", serial does not match" : "")
                + (Boolean.TRUE.equals(findings.functional()) ? "" : ", not functional")
                + (findings.notes() == null || findings.notes().isBlank() ? "" : "; " + findings.notes().strip());
    }
}
