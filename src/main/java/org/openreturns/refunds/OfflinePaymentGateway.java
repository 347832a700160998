package org.openreturns.refunds;

import static org.openreturns.db.Tables.OFFLINE_PAYOUT;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The default payment gateway: no money moves here. A released refund is recorded as a payout to be made, with a
 * reference, and finance exports the payouts as a settlement file ({@link SettlementFiles}) to upload to the bank.
 * Recording happens in the release's transaction, so a payout exists exactly when its refund is released.
 */
@Component
class OfflinePaymentGateway implements PaymentGateway {

    static final String NAME = "OFFLINE";

    private final DSLContext db;
    private final Clock clock;

    OfflinePaymentGateway(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Records the payout once per refund; paying the same refund again answers the first reference. */
    @Override
    public PaymentOutcome pay(PaymentOrder order) {
        String reference = "OFF-%08d".formatted(order.refundId());
        db.insertInto(OFFLINE_PAYOUT)
                .set(OFFLINE_PAYOUT.REFUND_ID, order.refundId())
                .set(OFFLINE_PAYOUT.REFERENCE, reference)
                .set(OFFLINE_PAYOUT.AMOUNT_MINOR, order.amountMinor())
                .set(OFFLINE_PAYOUT.CURRENCY, order.currency())
                .set(OFFLINE_PAYOUT.RECORDED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        return new Paid(db.select(OFFLINE_PAYOUT.REFERENCE).from(OFFLINE_PAYOUT)
                .where(OFFLINE_PAYOUT.REFUND_ID.eq(order.refundId())).fetchSingle(OFFLINE_PAYOUT.REFERENCE));
    }
}
