package org.openreturns.refunds;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A payment gateway for tests: the offline gateway, except for the refunds a test told it to decline (like a
 * payment provider's sandbox declines certain test cards).
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

        ScriptedPaymentGateway(PaymentGateway delegate) {
            this.delegate = delegate;
        }

        public void decline(long refundId, String reason) {
            declines.put(refundId, reason);
        }

        public void accept(long refundId) {
            declines.remove(refundId);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public PaymentOutcome pay(PaymentOrder order) {
            String reason = declines.get(order.refundId());
            return reason != null ? new Declined(reason) : delegate.pay(order);
        }
    }
}
