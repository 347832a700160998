package org.openreturns.refunds;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.PostingRules;
import org.openreturns.accounting.RefundPosting;
import org.openreturns.db.tables.records.ChannelRefundRecord;
import org.openreturns.db.tables.records.InspectionRecord;
import org.openreturns.db.tables.records.RefundExceptionRecord;
import org.openreturns.db.tables.records.RefundRecord;
import org.openreturns.refunds.PaymentGateway.Declined;
import org.openreturns.refunds.PaymentGateway.Paid;
import org.openreturns.refunds.PaymentGateway.PaymentOutcome;
import org.openreturns.refunds.RefundRepository.LineFacts;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.ForbiddenException;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.OutageException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money of a return line: a refund is held with its decision and amount, approved (the debt to the customer is
 * posted), and released only once the line is validated — its inspection passed or an approved exception exists
 * (principle 2 of docs/specification/README.md; the database refuses it too, docs/adr/0007-refund-release-guard.md).
 * Release pays through the {@link PaymentGateway}, posts the payment and issues the credit note. Every step is
 * idempotent, and every status change is recorded with who, when, from, to and why.
 */
@Service
public class RefundService {

    /** The gateway recorded on a refund the channel paid itself: {@code channel WEB}. */
    static final String CHANNEL_GATEWAY_PREFIX = "channel ";

    private final RefundRepository refunds;
    private final ChannelRefundRepository channelRefunds;
    private final Journal journal;
    private final PaymentGateway gateway;
    private final Clock clock;

    RefundService(RefundRepository refunds, ChannelRefundRepository channelRefunds, Journal journal,
                  PaymentGateway gateway, Clock clock) {
        this.refunds = refunds;
        this.channelRefunds = channelRefunds;
        this.journal = journal;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Holds a refund for a return line: gross = unit price x units refunded (those returned, or fewer when fewer
     * arrived), amount = gross less the deduction. Holding the same idempotency key again returns the refund held
     * the first time; a line has one refund only.
     */
    @Transactional
    public RefundView hold(HoldRequest request, String actor) {
        Optional<RefundRecord> existing = refunds.findByKey(request.idempotencyKey() == null ? ""
                : request.idempotencyKey());
        if (existing.isPresent()) {
            return sameAsHeld(existing.get(), request);
        }
        LineFacts line = refunds.line(request.returnId(), request.lineNo()).orElseThrow(() -> new NotFoundException(
                "lineNo", "Return " + request.returnId() + " has no line " + request.lineNo()));
        long gross = line.unitPriceMinor() * line.refundedQuantity();
        checkHold(request, gross);
        long amount = request.decision().paysMoney() ? gross - request.deductionMinor() : 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> inserted = refunds.insertHeld(request, line, gross, amount, actor, now);
        if (inserted.isEmpty()) {
            // Someone was quicker: the same key (a repeated call) or another refund of the same line.
            return refunds.findByKey(request.idempotencyKey()).map(held -> sameAsHeld(held, request))
                    .orElseThrow(() -> lineAlreadyRefunded(line));
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? describe(request.decision(), gross, request.deductionMinor(), request.deductionType(), amount,
                line.currency())
                : request.reason().strip();
        refunds.insertEvent(inserted.get(), now, actor, null, RefundStatus.HELD, reason);
        return view(inserted.get());
    }

    /** Approves a held refund and posts what is now owed to the customer. Approving again changes nothing. */
    @Transactional
    public RefundView approve(long refundId, String approver) {
        RefundRecord refund = lock(refundId);
        if (status(refund) != RefundStatus.HELD) {
            return view(refundId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        refunds.markApproved(refundId, approver, now);
        refunds.insertEvent(refundId, now, approver, RefundStatus.HELD, RefundStatus.APPROVED,
                "Refund of " + money(refund.getAmountMinor(), refund.getCurrency()) + " approved");
        post(PostingRules.forRefundApproved(posting(refund)), approver);
        return view(refundId);
    }

    /**
     * Pays an approved (or previously failed) refund, but only when its return line is validated. On payment the
     * refund is RELEASED with the gateway's reference, the payment is posted and a credit note issued; when the
     * gateway declines, it is FAILED with the reason and nothing is posted, and it can be released again later.
     * A refund of nothing (NONE, REPLACEMENT) is released without a payment. Releasing again changes nothing.
     *
     * <p>A return line the channel refunded the customer for itself (a channel refund matched to it, not reversed) is
     * never paid a second time: the release records the refund as paid by the channel, with the channel's refund ids
     * as reference, posts it against the channel receivable instead of payment clearing, issues the credit note and
     * does not call the gateway (docs/channels.md, "Channel refunds").
     *
     * @throws ConflictException when the refund is not approved yet, or its line is not validated
     */
    @Transactional
    public RefundView release(long refundId, String actor) {
        RefundRecord refund = lock(refundId);
        RefundStatus status = status(refund);
        if (status == RefundStatus.RELEASED) {
            return view(refundId);
        }
        if (status == RefundStatus.HELD) {
            throw new ConflictException("Refund " + refundId + " is HELD: it must be approved before it is released");
        }
        if (!refunds.releaseAllowed(refund.getReturnId(), refund.getReturnLineNo())) {
            throw new ConflictException("Refund " + refundId + " cannot be released: " + whyNotValidated(refund));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (refund.getAmountMinor() == 0) {
            refunds.markReleased(refundId, actor, now, null, null);
            refunds.insertEvent(refundId, now, actor, status, RefundStatus.RELEASED,
                    "Decision " + refund.getDecision() + ": nothing to pay");
            return view(refundId);
        }
        List<ChannelRefundRecord> paidByChannel = channelRefunds.matchAndLock(refund.getReturnId(),
                refund.getReturnLineNo());
        if (!paidByChannel.isEmpty()) {
            releaseAsPaidByChannel(refund, status, paidByChannel, actor, now);
            return view(refundId);
        }
        LineFacts line = refunds.line(refund.getReturnId(), refund.getReturnLineNo()).orElseThrow();
        PaymentOutcome outcome;
        try {
            outcome = gateway.pay(new PaymentGateway.PaymentOrder(refundId, refund.getIdempotencyKey(),
                    refund.getReturnId(), line.rmaNumber(), line.lineNo(), line.customerId(), line.customerEmail(),
                    refund.getAmountMinor(), refund.getCurrency()));
        } catch (RuntimeException unreachable) {
            // An outage, not a refusal: the outcome is unknown, so the release rolls back and is tried again.
            throw new OutageException("Payment gateway " + gateway.name() + " did not answer for "
                    + "refund " + refundId + " (" + line.rmaNumber() + " line " + line.lineNo() + ", "
                    + money(refund.getAmountMinor(), refund.getCurrency()) + "): " + unreachable.getMessage()
                    + ". Nothing was paid or posted; the release is tried again.", unreachable);
        }
        if (outcome instanceof Paid paid) {
            refunds.markReleased(refundId, actor, now, gateway.name(), paid.reference());
            refunds.insertEvent(refundId, now, actor, status, RefundStatus.RELEASED,
                    money(refund.getAmountMinor(), refund.getCurrency()) + " released to " + gateway.name() + " as "
                            + paid.reference());
            post(PostingRules.forRefundPaid(posting(refund)), actor);
            issueCreditNote(refund, actor, now);
        } else if (outcome instanceof Declined declined) {
            String reason = Objects.requireNonNullElse(declined.reason(), "declined without a reason");
            refunds.markFailed(refundId, actor, now, gateway.name(), reason);
            refunds.insertEvent(refundId, now, actor, status, RefundStatus.FAILED,
                    gateway.name() + " declined the payment: " + reason);
        }
        return view(refundId);
    }

    private void releaseAsPaidByChannel(RefundRecord refund, RefundStatus from, List<ChannelRefundRecord> paid,
                                        String actor, OffsetDateTime now) {
        String channel = paid.get(0).getChannel();
        String references = String.join(",", paid.stream().map(ChannelRefundRecord::getChannelRefundId).toList());
        long paidMinor = paid.stream().mapToLong(ChannelRefundRecord::getAmountMinor).sum();
        refunds.markReleased(refund.getId(), actor, now, CHANNEL_GATEWAY_PREFIX + channel, references);
        refunds.insertEvent(refund.getId(), now, actor, from, RefundStatus.RELEASED, "The customer was refunded "
                + money(paidMinor, refund.getCurrency()) + " by channel " + channel + " itself (refund "
                + references + " of " + paid.get(0).getPaidAt() + "); " + money(refund.getAmountMinor(),
                refund.getCurrency()) + " recorded as paid by the channel, not paid again");
        post(PostingRules.forRefundPaidByChannel(posting(refund), channel), actor);
        issueCreditNote(refund, actor, now);
    }

    /** Asks for permission to release the line's refund without a passed inspection; someone else approves it. */
    @Transactional
    public RefundExceptionView requestException(UUID returnId, int lineNo, String reason, String requester) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "must say why the refund may be released without inspection");
        }
        refunds.line(returnId, lineNo).orElseThrow(() -> new NotFoundException("lineNo",
                "Return " + returnId + " has no line " + lineNo));
        return refunds.insertException(returnId, lineNo, reason.strip(), requester, OffsetDateTime.now(clock));
    }

    /**
     * Approves an exception: from now on the line's refund may be released without a passed inspection. The
     * approver must not be the requester. Approving an approved exception changes nothing.
     */
    @Transactional
    public RefundExceptionView approveException(long exceptionId, String approver) {
        RefundExceptionRecord exception = refunds.findExceptionForUpdate(exceptionId).orElseThrow(() ->
                new NotFoundException("exceptionId", "No refund exception " + exceptionId));
        if (exception.getApprovedBy() != null) {
            return RefundRepository.exceptionView(exception);
        }
        if (exception.getRequestedBy().equals(approver)) {
            throw new ForbiddenException("Refund exception " + exceptionId + " was requested by " + approver
                    + ": another person must approve it");
        }
        return refunds.approveException(exceptionId, approver, OffsetDateTime.now(clock));
    }

    @Transactional(readOnly = true)
    public List<RefundView> refundsOf(UUID returnId) {
        if (!refunds.returnExists(returnId)) {
            throw new NotFoundException("returnId", "No return has the id " + returnId);
        }
        return refunds.refundsOf(returnId);
    }

    @Transactional(readOnly = true)
    public RefundView refund(long refundId) {
        return refunds.refund(refundId).orElseThrow(() -> unknown(refundId));
    }

    @Transactional(readOnly = true)
    public List<RefundExceptionView> exceptionsOf(UUID returnId) {
        return refunds.exceptionsOf(returnId);
    }

    // --- the rules

    static List<FieldProblem> check(HoldRequest request, long grossMinor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()) {
            problems.add(new FieldProblem("idempotencyKey", "is required"));
        }
        if (request.decision() == null) {
            problems.add(new FieldProblem("decision", "is required: one of FULL, PARTIAL, NONE, REPLACEMENT"));
            return problems;
        }
        if (request.decision() == RefundDecision.PARTIAL) {
            if (request.deductionMinor() <= 0 || request.deductionMinor() >= grossMinor) {
                problems.add(new FieldProblem("deductionMinor", "of a PARTIAL refund must be more than 0 and less "
                        + "than the gross of " + grossMinor));
            }
            if (request.deductionType() == null) {
                problems.add(new FieldProblem("deductionType", "is required for a PARTIAL refund: RESTOCKING_FEE "
                        + "or DAMAGE"));
            }
        } else {
            if (request.deductionMinor() != 0) {
                problems.add(new FieldProblem("deductionMinor", "must be 0 for a " + request.decision()
                        + " refund: only PARTIAL deducts"));
            }
            if (request.deductionType() != null) {
                problems.add(new FieldProblem("deductionType", "is only for a PARTIAL refund"));
            }
        }
        return problems;
    }

    private static void checkHold(HoldRequest request, long grossMinor) {
        List<FieldProblem> problems = check(request, grossMinor);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
    }

    /** The accounting view of a refund: a restocking fee is income, a damage deduction is not posted at all. */
    static RefundPosting posting(RefundRecord refund) {
        long fee = DeductionType.RESTOCKING_FEE.name().equals(refund.getDeductionType()) ? refund.getDeductionMinor() : 0;
        return new RefundPosting(refund.getId(), refund.getReturnId(), refund.getReturnLineNo(), refund.getCurrency(),
                refund.getAmountMinor(), fee);
    }

    private RefundView sameAsHeld(RefundRecord held, HoldRequest request) {
        boolean same = held.getReturnId().equals(request.returnId())
                && held.getReturnLineNo() == request.lineNo()
                && held.getDecision().equals(String.valueOf(request.decision()))
                && held.getDeductionMinor() == request.deductionMinor()
                && Objects.equals(held.getDeductionType(),
                request.deductionType() == null ? null : request.deductionType().name());
        if (!same) {
            throw new ConflictException("Idempotency key " + request.idempotencyKey() + " was used for refund "
                    + held.getId() + " with other values");
        }
        return view(held.getId());
    }

    private ConflictException lineAlreadyRefunded(LineFacts line) {
        long existing = refunds.findByLine(line.returnId(), line.lineNo()).map(RefundRecord::getId).orElse(-1L);
        return new ConflictException("Line " + line.lineNo() + " of return " + line.rmaNumber()
                + " already has refund " + existing + "; a line is refunded once");
    }

    private String whyNotValidated(RefundRecord refund) {
        int lineNo = refund.getReturnLineNo();
        String finding = refunds.inspection(refund.getReturnId(), lineNo).map(RefundService::failedFinding)
                .orElse("no inspection is recorded yet");
        return "inspection of line " + lineNo + " has not passed and no approved exception exists (" + finding + ")";
    }

    private static String failedFinding(InspectionRecord inspection) {
        if (!inspection.getSkuMatches()) {
            return "the SKU received does not match the SKU sold";
        }
        if (Boolean.FALSE.equals(inspection.getSerialMatches())) {
            return "the serial received does not match the serial sold";
        }
        return "inspected by " + inspection.getInspectedBy();
    }

    private void issueCreditNote(RefundRecord refund, String actor, OffsetDateTime now) {
        if (!refunds.hasCreditNote(refund.getId())) {
            refunds.insertCreditNote(refunds.nextCreditNoteNumber(now.getYear()), refund.getId(),
                    refund.getAmountMinor(), refund.getCurrency(), now, actor);
        }
    }

    private void post(Optional<JournalEntryDraft> entry, String postedBy) {
        entry.ifPresent(draft -> journal.post(List.of(draft), postedBy));
    }

    private RefundRecord lock(long refundId) {
        return refunds.findForUpdate(refundId).orElseThrow(() -> unknown(refundId));
    }

    private RefundView view(long refundId) {
        return refunds.refund(refundId).orElseThrow();
    }

    private static RefundStatus status(RefundRecord refund) {
        return RefundStatus.valueOf(refund.getStatus());
    }

    private static NotFoundException unknown(long refundId) {
        return new NotFoundException("refundId", "No refund " + refundId);
    }

    private static String describe(RefundDecision decision, long gross, long deduction, DeductionType type,
                                   long amount, String currency) {
        return switch (decision) {
            case FULL -> "Full refund of " + money(amount, currency);
            case PARTIAL -> "Partial refund of " + money(amount, currency) + ": " + money(gross, currency) + " less "
                    + (type == DeductionType.RESTOCKING_FEE ? "a restocking fee" : "a damage deduction") + " of "
                    + money(deduction, currency);
            case NONE -> "No refund";
            case REPLACEMENT -> "Replacement instead of a refund";
        };
    }

    static String money(long minor, String currency) {
        return Money.fromMinorUnits(minor, currency).toPlainString() + " " + currency;
    }
}
