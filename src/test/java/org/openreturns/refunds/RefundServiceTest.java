package org.openreturns.refunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openreturns.db.Tables.CREDIT_NOTE;
import static org.openreturns.db.Tables.OFFLINE_PAYOUT;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.REFUND_EVENT;
import static org.openreturns.db.Tables.REFUND_EXCEPTION;
import static org.openreturns.refunds.RefundFixtures.key;

import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.accounting.JournalEntryView.LineView;
import org.openreturns.orders.OrderService;
import org.openreturns.refunds.RefundFixtures.Line;
import org.openreturns.refunds.RefundTestSupport.ScriptedPaymentGateway;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.ForbiddenException;
import org.openreturns.system.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** Refunds on PostgreSQL: the release guard in the service and in the database, the entries, idempotency. */
@ReturnsIntegrationTest
class RefundServiceTest {

    @Autowired
    RefundService refunds;
    @Autowired
    Journal journal;
    @Autowired
    ScriptedPaymentGateway gateway;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;

    RefundFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RefundFixtures(db, orders);
    }

    @Test
    void refundIsHeldUntilInspectionPasses() {
        Line line = fixtures.returnedLine("59.90");
        long refundId = approvedFullRefund(line);

        assertThatThrownBy(() -> refunds.release(refundId, "finance1"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Refund " + refundId + " cannot be released: inspection of line 1 has not passed and no "
                        + "approved exception exists (no inspection is recorded yet)");

        fixtures.inspection(line, false, null);
        assertThatThrownBy(() -> refunds.release(refundId, "finance1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("the SKU received does not match the SKU sold");

        RefundView refund = refunds.refund(refundId);
        assertThat(refund.status()).isEqualTo(RefundStatus.APPROVED);
        assertThat(refund.creditNote()).isNull();
        assertThat(entries(refundId)).extracting(JournalEntryView::reason).containsExactly("REFUND_APPROVED");
    }

    @Test
    void theDatabaseRefusesToReleaseARefundWhoseInspectionHasNotPassed() {
        Line line = fixtures.returnedLine("59.90");
        long refundId = approvedFullRefund(line);
        fixtures.inspection(line, true, false);

        assertThatThrownBy(() -> db.update(REFUND)
                .set(REFUND.STATUS, "RELEASED")
                .set(REFUND.RELEASED_BY, "intruder").set(REFUND.RELEASED_AT, OffsetDateTime.now())
                .set(REFUND.GATEWAY_REFERENCE, "MANUAL-1")
                .where(REFUND.ID.eq(refundId)).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("refund " + refundId + " cannot be released: the inspection of return "
                        + line.returnId() + " line 1 has not passed and no approved exception exists");

        assertThat(refunds.refund(refundId).status()).isEqualTo(RefundStatus.APPROVED);
    }

    @Test
    void releaseAfterAPassedInspectionPaysThePriceLessTheRestockingFee() {
        Line line = fixtures.returnedLine("59.90");
        fixtures.passedInspection(line);
        long refundId = refunds.hold(HoldRequest.restockingFee(key(), line.returnId(), 1, 599), "system").id();
        refunds.approve(refundId, "finance1");

        RefundView released = refunds.release(refundId, "finance1");

        assertThat(released.status()).isEqualTo(RefundStatus.RELEASED);
        assertThat(released.grossMinor()).isEqualTo(5990);
        assertThat(released.deductionMinor()).isEqualTo(599);
        assertThat(released.amountMinor()).isEqualTo(5391);
        assertThat(released.gateway()).isEqualTo("OFFLINE");
        assertThat(released.gatewayReference()).isEqualTo("OFF-%08d".formatted(refundId));
        assertThat(released.creditNote().number()).matches("CN-\\d{4}-\\d{6}");
        assertThat(released.creditNote().amountMinor()).isEqualTo(5391);

        List<JournalEntryView> entries = entries(refundId);
        assertThat(entries).extracting(JournalEntryView::reason).containsExactly("REFUND_APPROVED", "REFUND_PAID");
        assertThat(entries.get(0).lines()).containsExactly(new LineView("4100", 5990, 0),
                new LineView("2100", 0, 5391), new LineView("4200", 0, 599));
        assertThat(entries.get(1).lines()).containsExactly(new LineView("2100", 5391, 0),
                new LineView("1000", 0, 5391));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.returnId()).isEqualTo(line.returnId());
            assertThat(entry.returnLineNo()).isEqualTo(1);
            assertThat(entry.currency()).isEqualTo("EUR");
        });
        assertThat(released.history()).extracting(RefundView.Change::from, RefundView.Change::to,
                        RefundView.Change::actor)
                .containsExactly(
                        tuple(null, RefundStatus.HELD, "system"),
                        tuple(RefundStatus.HELD, RefundStatus.APPROVED, "finance1"),
                        tuple(RefundStatus.APPROVED, RefundStatus.RELEASED, "finance1"));
        assertThat(released.history().get(0).reason())
                .isEqualTo("Partial refund of 53.91 EUR: 59.90 EUR less a restocking fee of 5.99 EUR");
    }

    @Test
    void anApprovedExceptionAllowsReleaseWithoutInspection() {
        Line line = fixtures.returnedLine("129.00");
        long refundId = approvedFullRefund(line);
        RefundExceptionView exception = refunds.requestException(line.returnId(), 1,
                "Carrier confirmed the parcel was lost", "support1");

        assertThatThrownBy(() -> refunds.release(refundId, "finance1")).isInstanceOf(ConflictException.class);

        RefundExceptionView approved = refunds.approveException(exception.id(), "manager1");
        RefundView released = refunds.release(refundId, "finance1");

        assertThat(approved.approvedBy()).isEqualTo("manager1");
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(released.status()).isEqualTo(RefundStatus.RELEASED);
        assertThat(released.amountMinor()).isEqualTo(12900);
    }

    @Test
    void anExceptionCannotBeApprovedByTheOneWhoRequestedIt() {
        Line line = fixtures.returnedLine("129.00");
        long refundId = approvedFullRefund(line);
        RefundExceptionView exception = refunds.requestException(line.returnId(), 1, "Goodwill", "finance1");

        assertThatThrownBy(() -> refunds.approveException(exception.id(), "finance1"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("another person must approve it");
        assertThatThrownBy(() -> db.update(REFUND_EXCEPTION)
                .set(REFUND_EXCEPTION.APPROVED_BY, "finance1").set(REFUND_EXCEPTION.APPROVED_AT, OffsetDateTime.now())
                .where(REFUND_EXCEPTION.ID.eq(exception.id())).execute())
                .hasMessageContaining("refund_exception_four_eyes");

        assertThat(refunds.exceptionsOf(line.returnId())).singleElement()
                .satisfies(stored -> assertThat(stored.approved()).isFalse());
        assertThatThrownBy(() -> refunds.release(refundId, "finance1")).isInstanceOf(ConflictException.class);
    }

    @Test
    void holdApproveAndReleaseTwiceMakeOneRefundOneEntryEachAndOneCreditNote() {
        Line line = fixtures.returnedLine("19.90");
        fixtures.passedInspection(line);
        HoldRequest hold = HoldRequest.full(key(), line.returnId(), 1);

        long first = refunds.hold(hold, "system").id();
        long again = refunds.hold(hold, "system").id();
        refunds.approve(first, "finance1");
        refunds.approve(first, "finance1");
        refunds.release(first, "finance1");
        RefundView released = refunds.release(first, "finance1");

        assertThat(again).isEqualTo(first);
        assertThat(db.fetchCount(REFUND, REFUND.RETURN_ID.eq(line.returnId()))).isEqualTo(1);
        assertThat(entries(first)).extracting(JournalEntryView::reason).containsExactly("REFUND_APPROVED", "REFUND_PAID");
        assertThat(db.fetchCount(CREDIT_NOTE, CREDIT_NOTE.REFUND_ID.eq(first))).isEqualTo(1);
        assertThat(db.fetchCount(OFFLINE_PAYOUT, OFFLINE_PAYOUT.REFUND_ID.eq(first))).isEqualTo(1);
        assertThat(released.history()).hasSize(3);
    }

    @Test
    void aLineIsRefundedOnceAndAKeyMeansOneRequest() {
        Line line = fixtures.returnedLine("19.90");
        HoldRequest hold = HoldRequest.full(key(), line.returnId(), 1);
        long refundId = refunds.hold(hold, "system").id();

        assertThatThrownBy(() -> refunds.hold(HoldRequest.full(key(), line.returnId(), 1), "system"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Line 1 of return " + line.rmaNumber() + " already has refund " + refundId
                        + "; a line is refunded once");
        assertThatThrownBy(() -> refunds.hold(HoldRequest.restockingFee(hold.idempotencyKey(), line.returnId(), 1,
                199), "system"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("was used for refund " + refundId + " with other values");
    }

    @Test
    void aDeductionMustFitTheDecision() {
        Line line = fixtures.returnedLine("19.90");

        assertThatThrownBy(() -> refunds.hold(new HoldRequest(key(), line.returnId(), 1, RefundDecision.PARTIAL, 1990,
                null, null), "system"))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("deductionMinor", "deductionType"));
        assertThatThrownBy(() -> refunds.hold(new HoldRequest(key(), line.returnId(), 1, RefundDecision.FULL, 100,
                null, null), "system"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("deductionMinor");
        assertThat(db.fetchCount(REFUND, REFUND.RETURN_ID.eq(line.returnId()))).isZero();
    }

    @Test
    void aDeclinedPaymentFailsTheRefundWithoutPaymentEntryAndCanBeReleasedLater() {
        Line line = fixtures.returnedLine("59.90");
        fixtures.passedInspection(line);
        long refundId = approvedFullRefund(line);
        gateway.decline(refundId, "bank account closed");

        RefundView failed = refunds.release(refundId, "finance1");

        assertThat(failed.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("bank account closed");
        assertThat(failed.creditNote()).isNull();
        assertThat(entries(refundId)).extracting(JournalEntryView::reason).containsExactly("REFUND_APPROVED");

        gateway.accept(refundId);
        RefundView released = refunds.release(refundId, "finance1");

        assertThat(released.status()).isEqualTo(RefundStatus.RELEASED);
        assertThat(entries(refundId)).extracting(JournalEntryView::reason)
                .containsExactly("REFUND_APPROVED", "REFUND_PAID");
        assertThat(released.history()).extracting(RefundView.Change::to).containsExactly(RefundStatus.HELD,
                RefundStatus.APPROVED, RefundStatus.FAILED, RefundStatus.RELEASED);
        assertThat(released.history().get(2).reason()).isEqualTo("OFFLINE declined the payment: bank account closed");
    }

    @Test
    void noRefundAndAReplacementPayNothingAndPostNothing() {
        for (RefundDecision decision : List.of(RefundDecision.NONE, RefundDecision.REPLACEMENT)) {
            Line line = fixtures.returnedLine("89.00");
            fixtures.passedInspection(line);
            long refundId = refunds.hold(new HoldRequest(key(), line.returnId(), 1, decision, 0, null, null),
                    "system").id();
            refunds.approve(refundId, "finance1");

            RefundView released = refunds.release(refundId, "finance1");

            assertThat(released.status()).isEqualTo(RefundStatus.RELEASED);
            assertThat(released.grossMinor()).isEqualTo(8900);
            assertThat(released.amountMinor()).isZero();
            assertThat(released.gatewayReference()).isNull();
            assertThat(released.creditNote()).isNull();
            assertThat(entries(refundId)).isEmpty();
        }
    }

    @Test
    void theDatabaseRefusesAmountsThatAreNegativeOrAboveTheGross() {
        Line line = fixtures.returnedLine("59.90");

        assertThatThrownBy(() -> insertRefund(line, 5990, 6000)).hasMessageContaining("refund_amount_within_gross");
        assertThatThrownBy(() -> insertRefund(line, 5990, -1)).hasMessageContaining("refund_amount_not_negative");
        assertThatThrownBy(() -> insertRefund(line, 9990, 9990))
                .hasMessageContaining("must have the gross 5990 EUR (unit price x quantity), not 9990 EUR");

        long refundId = refunds.hold(HoldRequest.full(key(), line.returnId(), 1), "system").id();
        assertThatThrownBy(() -> db.update(REFUND).set(REFUND.AMOUNT_MINOR, 100L).where(REFUND.ID.eq(refundId))
                .execute()).hasMessageContaining("refund " + refundId + " cannot be edited");
    }

    @Test
    void statusChangesAndCreditNotesAreAppendOnly() {
        Line line = fixtures.returnedLine("19.90");
        fixtures.passedInspection(line);
        long refundId = approvedFullRefund(line);
        refunds.release(refundId, "finance1");

        assertThatThrownBy(() -> db.update(REFUND_EVENT).set(REFUND_EVENT.ACTOR, "someone else")
                .where(REFUND_EVENT.REFUND_ID.eq(refundId)).execute())
                .hasMessageContaining("refund_event is append-only");
        assertThatThrownBy(() -> db.deleteFrom(CREDIT_NOTE).where(CREDIT_NOTE.REFUND_ID.eq(refundId)).execute())
                .hasMessageContaining("credit_note is append-only");
        assertThatThrownBy(() -> db.deleteFrom(REFUND).where(REFUND.ID.eq(refundId)).execute())
                .hasMessageContaining("refund is never deleted");
        assertThatThrownBy(() -> db.update(REFUND).set(REFUND.STATUS, "APPROVED").where(REFUND.ID.eq(refundId))
                .execute()).hasMessageContaining("cannot move from RELEASED to APPROVED");
    }

    private long approvedFullRefund(Line line) {
        long refundId = refunds.hold(HoldRequest.full(key(), line.returnId(), line.lineNo()), "system").id();
        refunds.approve(refundId, "finance1");
        return refundId;
    }

    private List<JournalEntryView> entries(long refundId) {
        return journal.entriesOfSource(JournalEntryDraft.SourceType.REFUND, String.valueOf(refundId));
    }

    private void insertRefund(Line line, long gross, long amount) {
        db.insertInto(REFUND)
                .set(REFUND.IDEMPOTENCY_KEY, key()).set(REFUND.RETURN_ID, line.returnId())
                .set(REFUND.RETURN_LINE_NO, line.lineNo()).set(REFUND.DECISION, "FULL").set(REFUND.CURRENCY, "EUR")
                .set(REFUND.GROSS_MINOR, gross).set(REFUND.AMOUNT_MINOR, amount).set(REFUND.STATUS, "HELD")
                .set(REFUND.HELD_BY, "intruder").set(REFUND.HELD_AT, OffsetDateTime.now())
                .execute();
    }
}
