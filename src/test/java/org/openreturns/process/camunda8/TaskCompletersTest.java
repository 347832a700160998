package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import org.junit.jupiter.api.Test;
import org.openreturns.process.models.ProjectModels;

/** Who completed the task before a step, from Camunda 8's user-task search, which may lag behind the engine. */
class TaskCompletersTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    private final UserTask inspection = mock(UserTask.class);
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final TaskCompleters completers = new TaskCompleters(client,
            new Camunda8Models(ProjectModels.files()), new Clock() {
                public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
                public Clock withZone(java.time.ZoneId zone) { return this; }
                public Instant instant() { return now; }
            }, LIMIT);
    private final TestJob recordInspection = new TestJob("record-inspection", "RecordInspection", 7, 3, Map.of(),
            null);

    @SuppressWarnings("unchecked")
    TaskCompletersTest() {
        when(inspection.getElementId()).thenReturn("InspectReturn");
        when(inspection.getUserTaskKey()).thenReturn(11L);
        when(inspection.getAssignee()).thenReturn("quality1");
        when(client.newUserTaskSearchRequest().filter(any(Consumer.class)).sort(any(Consumer.class))
                .page(any(Consumer.class)).send().join().items()).thenReturn(List.of(inspection));
    }

    @Test
    void theAssigneeOfTheCompletedTaskIsWhoCompletedIt() {
        when(inspection.getState()).thenReturn(UserTaskState.COMPLETED);

        assertThat(completers.of(recordInspection)).containsExactly(Map.entry("inspectedBy", "quality1"));
    }

    @Test
    void aSearchThatLagsMakesTheStepWaitAndOneThatStaysBehindFailsItSayingWhy() {
        when(inspection.getState()).thenReturn(UserTaskState.CREATED);

        assertThatThrownBy(() -> completers.of(recordInspection))
                .isInstanceOf(TaskCompleters.TaskCompletionNotVisibleException.class);
        now = now.plus(LIMIT.minusSeconds(1));
        assertThatThrownBy(() -> completers.of(recordInspection))
                .isInstanceOf(TaskCompleters.TaskCompletionNotVisibleException.class);
        now = now.plusSeconds(1);
        assertThatThrownBy(() -> completers.of(recordInspection))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InspectReturn").hasMessageContaining("exporter");
    }
}
