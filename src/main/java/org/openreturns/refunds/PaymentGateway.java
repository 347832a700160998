package org.openreturns.refunds;

import java.util.UUID;

/**
 * The port through which a released refund is paid. The default adapter is {@link OfflinePaymentGateway}, which
 * queues the payment for finance's settlement file; card and wallet gateways come later.
 *
 * <p>Contract: {@link #pay} is called inside the release's transaction and may be called again for the same
 * refund (a retry after a failure, a repeated release): an adapter must pay once per
 * {@link PaymentOrder#idempotencyKey()}. A refusal the gateway is sure of is answered as {@link Declined}; an
 * outcome it cannot know (a timeout) is thrown, so that the release rolls back and is retried.
 */
public interface PaymentGateway {

    /** The adapter's name, recorded on every refund it paid. */
    String name();

    PaymentOutcome pay(PaymentOrder order);

    /** What to pay whom, and why. */
    record PaymentOrder(long refundId, String idempotencyKey, UUID returnId, String rmaNumber, int lineNo,
                        String customerId, String customerEmail, long amountMinor, String currency) {
    }

    sealed interface PaymentOutcome permits Paid, Declined {
    }

    /** The gateway accepted the payment; {@code reference} finds it in the gateway's records. */
    record Paid(String reference) implements PaymentOutcome {
    }

    /** The gateway refused the payment, for a reason finance can act on. */
    record Declined(String reason) implements PaymentOutcome {
    }
}
