package org.openreturns.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.accounting.JournalEntryDraft.Line.credit;
import static org.openreturns.accounting.JournalEntryDraft.Line.debit;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The refund rules of docs/specification/accounting.md. */
class PostingRulesTest {

    private static final UUID RETURN_ID = UUID.fromString("7f6a0c1e-0000-4000-8000-000000000001");

    @Test
    void anApprovedRefundWithARestockingFeeReversesTheSaleAndKeepsTheFeeAsIncome() {
        JournalEntryDraft entry = PostingRules.forRefundApproved(
                new RefundPosting(42, RETURN_ID, 1, "EUR", 5391, 599)).orElseThrow();

        assertThat(entry.lines()).containsExactly(debit("4100", 5990), credit("2100", 5391), credit("4200", 599));
        assertThat(entry.idempotencyKey()).isEqualTo("refund-approved-42");
        assertThat(entry.sourceType()).isEqualTo(JournalEntryDraft.SourceType.REFUND);
        assertThat(entry.sourceId()).isEqualTo("42");
        assertThat(entry.returnId()).isEqualTo(RETURN_ID);
        assertThat(entry.returnLineNo()).isEqualTo(1);
    }

    @Test
    void anApprovedFullRefundOwesThePrice() {
        assertThat(PostingRules.forRefundApproved(new RefundPosting(43, RETURN_ID, 2, "EUR", 12900, 0))
                .orElseThrow().lines()).containsExactly(debit("4100", 12900), credit("2100", 12900));
    }

    @Test
    void aDamageDeductionIsNotIncomeButThePartOfTheSaleNotReversed() {
        // 100.00 sold, 30.00 deducted for damage: only the 70.00 refunded is a sales return.
        assertThat(PostingRules.forRefundApproved(new RefundPosting(44, RETURN_ID, 1, "EUR", 7000, 0))
                .orElseThrow().lines()).containsExactly(debit("4100", 7000), credit("2100", 7000));
    }

    @Test
    void aPaidRefundSettlesTheDebtFromPaymentClearing() {
        JournalEntryDraft entry = PostingRules.forRefundPaid(new RefundPosting(42, RETURN_ID, 1, "EUR", 5391, 599))
                .orElseThrow();

        assertThat(entry.lines()).containsExactly(debit("2100", 5391), credit("1000", 5391));
        assertThat(entry.idempotencyKey()).isEqualTo("refund-paid-42");
        assertThat(entry.returnId()).isEqualTo(RETURN_ID);
    }

    @Test
    void aRefundTheChannelPaidSettlesTheDebtAgainstWhatTheChannelOwesUs() {
        JournalEntryDraft entry = PostingRules.forRefundPaidByChannel(
                new RefundPosting(46, RETURN_ID, 1, "EUR", 1990, 0), "WEB").orElseThrow();

        assertThat(entry.lines()).containsExactly(debit("2100", 1990), credit("1200", 1990));
        assertThat(entry.reason()).isEqualTo("REFUND_PAID_BY_CHANNEL");
        assertThat(entry.idempotencyKey()).as("one payment per refund, whoever paid").isEqualTo("refund-paid-46");
        assertThat(PostingRules.forRefundPaidByChannel(new RefundPosting(47, RETURN_ID, 1, "EUR", 0, 0), "WEB"))
                .isEmpty();
    }

    @Test
    void aMarketplaceFeeIsAnExpenseDeductedFromWhatTheChannelOwesUs() {
        JournalEntryDraft entry = PostingRules.forMarketplaceFee("MKT/S-1/2", "EUR", 597, "referral fee");

        assertThat(entry.lines()).containsExactly(debit("5400", 597), credit("1200", 597));
        assertThat(entry.sourceType()).isEqualTo(JournalEntryDraft.SourceType.CHANNEL_SETTLEMENT);
        assertThat(entry.sourceId()).isEqualTo("MKT/S-1/2");
        assertThat(entry.idempotencyKey()).isEqualTo("settlement-fee-MKT/S-1/2");
        assertThat(entry.returnId()).isNull();
    }

    @Test
    void aRefundOfNothingPostsNothing() {
        RefundPosting nothing = new RefundPosting(45, RETURN_ID, 1, "EUR", 0, 0);

        assertThat(PostingRules.forRefundApproved(nothing)).isEmpty();
        assertThat(PostingRules.forRefundPaid(nothing)).isEmpty();
    }
}
