package org.openreturns;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A step handler for test models only ({@code test-flaky-step}): it writes a probe row, then fails as often as the
 * variable {@code failures} says before it succeeds. It shows what retries, incidents and the shared transaction
 * do, without touching the return models.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessTestSupport {

    public static final String FLAKY_TASK_TYPE = "test-flaky-step";

    @Bean
    FlakyStep flakyStep(DSLContext db) {
        return new FlakyStep(db);
    }

    public static class FlakyStep implements StepHandler {

        private final DSLContext db;
        private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        FlakyStep(DSLContext db) {
            this.db = db;
        }

        @Override
        public String taskType() {
            return FLAKY_TASK_TYPE;
        }

        @Override
        public StepResult handle(StepContext context) {
            int attempt = attempts(context.businessKey()).incrementAndGet();
            db.execute("create table if not exists step_probe (business_key text, attempt int)");
            db.execute("insert into step_probe values (?, ?)", context.businessKey(), attempt);
            int failures = ((Number) context.variables().get("failures")).intValue();
            if (attempt <= failures) {
                throw new IllegalStateException("Flaky step failed on attempt " + attempt);
            }
            return StepResult.completed(java.util.Map.of("attempts", attempt));
        }

        public AtomicInteger attempts(String businessKey) {
            return attempts.computeIfAbsent(businessKey, key -> new AtomicInteger());
        }
    }
}
