package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TaskCompletionChecksTest {

    private final TaskCompletionCheck fourEyes = new TaskCompletionCheck() {
        @Override
        public String type() {
            return "check-four-eyes";
        }

        @Override
        public Optional<String> denial(TaskCompletion completion) {
            return Optional.empty();
        }
    };

    @Test
    void aListenerTypeWithoutACheckStopsStartupNamingIt() {
        TaskCompletionChecks checks = new TaskCompletionChecks(List.of(fourEyes));

        assertThatThrownBy(() -> checks.requireChecksFor(Set.of("check-four-eyes", "check-budget")))
                .hasMessageContaining("[check-budget]");
        checks.requireChecksFor(Set.of("check-four-eyes"));
    }

    @Test
    void twoChecksOfOneTypeAreRefused() {
        assertThatThrownBy(() -> new TaskCompletionChecks(List.of(fourEyes, fourEyes)))
                .hasMessageContaining("Two task completion checks for listener type 'check-four-eyes'");
    }
}
