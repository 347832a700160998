package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.response.UserTaskProperties;
import org.junit.jupiter.api.Test;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionCheck;

/** A task completion check as the worker of a Camunda 8 {@code completing} listener: allow or deny. */
class CompletionCheckJobHandlerTest {

    private final RecordingProxy<JobClient> client = RecordingProxy.jobClient();
    private final AtomicReference<TaskCompletion> checked = new AtomicReference<>();

    @Test
    void theAssigneeIsTheCompletingUserAndAnAllowedCompletionGoesOn() {
        run(check(Optional.empty()), "finance1");

        assertThat(checked.get().completingUser()).isEqualTo("finance1");
        assertThat(checked.get().taskElementId()).isEqualTo("ApproveReturn");
        assertThat(checked.get().businessKey()).isEqualTo("return-1");
        assertThat(checked.get().variables()).containsEntry("returnId", "return-1");
        assertThat(client.command()).isEqualTo("newCompleteCommand");
        assertThat(client.call("deny").orElseThrow().arguments()).containsExactly(false, null);
    }

    @Test
    void aDenialCompletesTheListenerJobAsDeniedWithTheReason() {
        run(check(Optional.of("quality1 inspected this return and may not also approve it")), "quality1");

        assertThat(client.call("forUserTask")).isPresent();
        assertThat(client.call("deny").orElseThrow().arguments())
                .containsExactly(true, "quality1 inspected this return and may not also approve it");
    }

    @Test
    void aTaskCompletedWithoutAnAssigneeIsDeniedBecauseNobodyCouldBeChecked() {
        run(check(Optional.empty()), null);

        assertThat(checked.get()).isNull();
        assertThat(client.call("deny").orElseThrow().arguments().get(0)).isEqualTo(true);
    }

    private void run(TaskCompletionCheck check, String assignee) {
        TestJob job = new TestJob("check-four-eyes", "ApproveReturn", 7, 3,
                Map.of("returnId", "return-1", "businessKey", "return-1"), userTask(assignee));
        new CompletionCheckJobHandler(check, Duration.ofSeconds(1)).handle(client.proxy(), job);
    }

    private TaskCompletionCheck check(Optional<String> denial) {
        return new TaskCompletionCheck() {
            @Override
            public String type() {
                return "check-four-eyes";
            }

            @Override
            public Optional<String> denial(TaskCompletion completion) {
                checked.set(completion);
                return denial;
            }
        };
    }

    private static UserTaskProperties userTask(String assignee) {
        return new UserTaskProperties() {
            public String getAction() { return "complete"; }
            public String getAssignee() { return assignee; }
            public List<String> getCandidateGroups() { return List.of("finance", "manager"); }
            public List<String> getCandidateUsers() { return List.of(); }
            public List<String> getChangedAttributes() { return List.of(); }
            public OffsetDateTime getDueDate() { return null; }
            public OffsetDateTime getFollowUpDate() { return null; }
            public Long getFormKey() { return null; }
            public Integer getPriority() { return 50; }
            public Long getUserTaskKey() { return 99L; }
        };
    }
}
