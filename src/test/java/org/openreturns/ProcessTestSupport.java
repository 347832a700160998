package org.openreturns;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionCheck;
import org.openreturns.process.operaton.ProcessClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Step handlers and completion checks for test models only, to show what the engine does without touching the
 * return models: {@code test-flaky-step} writes a probe row, then fails as often as the variable {@code failures}
 * says before it succeeds (retries, incidents, the shared transaction); {@code test-four-eyes} refuses a
 * completion to the user named in the variable {@code preparedBy}. Also the {@link ProcessClock} that fires timers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessClock.class)
public class ProcessTestSupport {

    public static final String FLAKY_TASK_TYPE = "test-flaky-step";
    public static final String FOUR_EYES_LISTENER_TYPE = "test-four-eyes";

    @Bean
    FlakyStep flakyStep(DSLContext db) {
        return new FlakyStep(db);
    }

    @Bean
    PreparerMayNotComplete preparerMayNotComplete() {
        return new PreparerMayNotComplete();
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

    /** Four eyes in its simplest form; it remembers the completions it saw, so tests can check what it was given. */
    public static class PreparerMayNotComplete implements TaskCompletionCheck {

        private final Map<String, TaskCompletion> lastSeen = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return FOUR_EYES_LISTENER_TYPE;
        }

        @Override
        public Optional<String> denial(TaskCompletion completion) {
            lastSeen.put(completion.businessKey(), completion);
            if (completion.completingUser().equals(completion.variables().get("preparedBy"))) {
                return Optional.of(completion.completingUser() + " prepared this and may not also complete "
                        + completion.taskElementId());
            }
            return Optional.empty();
        }

        public Optional<TaskCompletion> lastSeen(String businessKey) {
            return Optional.ofNullable(lastSeen.get(businessKey));
        }
    }
}
