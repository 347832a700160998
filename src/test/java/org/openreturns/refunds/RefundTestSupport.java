package org.openreturns.refunds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A payment gateway for tests: the offline gateway, except for the refunds a test told it to decline (like a
 * payment provider's sandbox declines certain test cards) and the returns whose payments it cannot reach the
 * provider for (an outage).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RefundTestSupport {

    @Bean
    @Primary
    ScriptedPaymentGateway scriptedPaymentGateway(OfflinePaymentGateway offline) {
        return new ScriptedPaymentGateway(offline);
    }

    public static class ScriptedPaymentGateway implements PaymentGateway {

        private final PaymentGateway delegate;
        private final Map<Long, String> declines = new ConcurrentHashMap<>();
        private final Map<UUID, String> declinesOfReturns = new ConcurrentHashMap<>();
        private final Map<UUID, String> outagesOfReturns = new ConcurrentHashMap<>();

        ScriptedPaymentGateway(PaymentGateway delegate) {
            this.delegate = delegate;
        }

        public void decline(long refundId, String reason) {
            declines.put(refundId, reason);
        }

        public void accept(long refundId) {
            declines.remove(refundId);
        }

        /** Declines every refund of the return, e.g. before the process releases them. */
        public void declineRefundsOf(UUID returnId, String reason) {
            declinesOfReturns.put(returnId, reason);
        }

        /** The provider cannot be reached for the return's refunds: paying throws, as a connection timeout does. */
        public void unreachableFor(UUID returnId, String failure) {
            outagesOfReturns.put(returnId, failure);
        }

        /** Pays the return's refunds again as the offline gateway does. */
        public void payRefundsOf(UUID returnId) {
            declinesOfReturns.remove(returnId);
            outagesOfReturns.remove(returnId);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public PaymentOutcome pay(PaymentOrder order) {
            String outage = outagesOfReturns.get(order.returnId());
            if (outage != null) {
                throw new UncheckedIOException(new IOException(outage));
            }
            String reason = declines.getOrDefault(order.refundId(), declinesOfReturns.get(order.returnId()));
            return reason != null ? new Declined(reason) : delegate.pay(order);
        }
    }
}
