package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.camunda.client.api.command.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Set-up work is tried again while the cluster is not there, and not when it answers with a refusal. */
class UntilTheClusterAnswersTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final UntilTheClusterAnswers untilTheClusterAnswers;
    private final AtomicInteger attempts = new AtomicInteger();

    UntilTheClusterAnswersTest() {
        scheduler.initialize();
        untilTheClusterAnswers = new UntilTheClusterAnswers(scheduler);
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void workIsTriedAgainUntilTheClusterIsThere() {
        untilTheClusterAnswers.run("the test work", INTERVAL, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ProblemException(503, "Service Unavailable", null);
            }
        });

        await().atMost(Duration.ofSeconds(5)).untilAtomic(attempts, org.hamcrest.Matchers.equalTo(3));
        await().during(INTERVAL.multipliedBy(4)).atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(attempts).hasValue(3));
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        untilTheClusterAnswers.run("the test work", INTERVAL, () -> {
            attempts.incrementAndGet();
            throw new ProblemException(400, "Bad Request", null);
        });

        await().during(INTERVAL.multipliedBy(4)).atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(attempts).hasValue(1));
    }
}
