package org.openreturns.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code Idempotency-Key} header on {@code /api/**} and the hourly purge of keys past their time. The filter runs
 * after Spring Security's (it needs the caller's name), as the last filter before the controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys,
                                                                PlatformTransactionManager transactionManager,
                                                                IdempotencyProperties settings, Clock clock,
                                                                ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, new TransactionTemplate(transactionManager), settings, clock, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    IdempotencyKeyPurge idempotencyKeyPurge(IdempotencyKeys keys, IdempotencyProperties settings, Clock clock) {
        return new IdempotencyKeyPurge(keys, settings, clock);
    }

    /** Deletes the keys older than {@code returns.idempotency.keep-keys}; safe on several nodes at once. */
    static class IdempotencyKeyPurge {
        private final IdempotencyKeys keys;
        private final IdempotencyProperties settings;
        private final Clock clock;

        IdempotencyKeyPurge(IdempotencyKeys keys, IdempotencyProperties settings, Clock clock) {
            this.keys = keys;
            this.settings = settings;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${returns.idempotency.purge-interval:PT1H}",
                initialDelayString = "${returns.idempotency.purge-interval:PT1H}")
        void purge() {
            int deleted = keys.deleteCreatedBefore(OffsetDateTime.now(clock).minus(settings.keepKeys()));
            if (deleted > 0) {
                log.info("Deleted {} idempotency keys older than {}", deleted, settings.keepKeys());
            }
        }
    }
}
