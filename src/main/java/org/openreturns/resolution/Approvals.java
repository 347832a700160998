package org.openreturns.resolution;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openreturns.quality.InspectionService;
import org.openreturns.quality.LineInspection;
import org.openreturns.refunds.RefundDecision;
import org.openreturns.refunds.RefundExceptionView;
import org.openreturns.refunds.RefundService;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.LineDecision;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval of a return's disposition and refund by finance or a manager, with four eyes: the approver is
 * never someone who inspected the return or resolved its dispute. An approval validates the lines whose inspection
 * did not pass (a wrong item, a different serial) through approved refund exceptions, so their refund may be
 * released; a refusal puts the whole return on hold.
 */
@Service
public class Approvals {

    private final ResolutionRepository repository;
    private final ReturnService returns;
    private final InspectionService inspections;
    private final RefundService refunds;
    private final Disputes disputes;
    private final Clock clock;

    Approvals(ResolutionRepository repository, ReturnService returns, InspectionService inspections,
              RefundService refunds, Disputes disputes, Clock clock) {
        this.repository = repository;
        this.returns = returns;
        this.inspections = inspections;
        this.refunds = refunds;
        this.disputes = disputes;
        this.clock = clock;
    }

    /** Who may not approve this return: its inspectors and whoever resolved its last dispute. */
    @Transactional(readOnly = true)
    public Set<String> excludedApprovers(UUID returnId) {
        Set<String> excluded = new HashSet<>();
        inspections.inspectionsOf(returnId).forEach(inspection -> excluded.add(inspection.inspectedBy()));
        disputes.lastResolver(returnId).ifPresent(excluded::add);
        return excluded;
    }

    /** Who may not resolve this return's dispute: its inspectors. */
    @Transactional(readOnly = true)
    public Set<String> excludedDisputeResolvers(UUID returnId) {
        return inspections.inspectionsOf(returnId).stream().map(LineInspection::inspectedBy)
                .collect(Collectors.toSet());
    }

    /**
     * Records the decision. Approved: lines whose inspection did not pass get an approved refund exception
     * (requested by whoever decided the line — the dispute's resolver or the inspector — and approved by the
     * approver). Refused: every inspected line goes on hold. Recording the same round again changes nothing.
     *
     * @return whether the return was approved
     */
    @Transactional
    public boolean record(UUID returnId, boolean approved, String comment, String approver) {
        if (excludedApprovers(returnId).contains(approver)) {
            throw new RuleViolationException("approvedBy", approver + " inspected this return or resolved its"
                    + " dispute and cannot also approve it");
        }
        String why = comment == null || comment.isBlank() ? "no comment" : comment.strip();
        if (!repository.insertApproval(returnId, approved, why, approver, OffsetDateTime.now(clock))) {
            return approved;
        }
        if (approved) {
            approveUninspectedRefunds(returnId, approver);
            returns.note(returnId, approver, "APPROVED", "Disposition and refund approved: " + why);
        } else {
            for (ReturnLineView line : returns.lines(returnId)) {
                if (line.grade() != null) {
                    returns.recordDecision(returnId, line.lineNo(), new LineDecision(line.lineNo(), Disposition.HOLD,
                            RefundDecision.NONE, null, null, "Approval refused by " + approver + ": " + why));
                }
            }
            returns.note(returnId, approver, "APPROVAL_REFUSED", why);
        }
        return approved;
    }

    private void approveUninspectedRefunds(UUID returnId, String approver) {
        Map<Integer, RefundExceptionView> exceptions = refunds.exceptionsOf(returnId).stream()
                .collect(Collectors.toMap(RefundExceptionView::lineNo, Function.identity(), (a, b) -> b));
        String resolver = disputes.lastResolver(returnId).orElse(null);
        List<LineInspection> failed = inspections.inspectionsOf(returnId).stream()
                .filter(inspection -> !inspection.passed()).toList();
        for (LineInspection inspection : failed) {
            RefundExceptionView exception = exceptions.get(inspection.lineNo());
            if (exception == null) {
                String requester = resolver != null ? resolver : inspection.inspectedBy();
                exception = refunds.requestException(returnId, inspection.lineNo(), "Inspection found "
                        + (inspection.skuMatches() ? "a different serial" : "a different SKU")
                        + "; the decision on the line was approved by " + approver, requester);
            }
            if (!exception.approved()) {
                refunds.approveException(exception.id(), approver);
            }
        }
    }
}
