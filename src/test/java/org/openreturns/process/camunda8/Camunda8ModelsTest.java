package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import org.junit.jupiter.api.Test;
import org.openreturns.process.camunda8.Camunda8Models.CompletedBy;
import org.openreturns.process.models.ProjectModels;

/** What the Camunda 8 runtime reads from the models, and whom it names as the person who completed a task. */
class Camunda8ModelsTest {

    private final Camunda8Models models = new Camunda8Models(ProjectModels.files());

    @Test
    void theStepAfterAPersonsTaskKnowsWhichVariableNamesThatPerson() {
        assertThat(models.completedByBefore("return-process", "RecordInspection"))
                .containsExactly(new CompletedBy("InspectReturn", "inspectedBy"));
        assertThat(models.completedByBefore("return-process", "RecordApproval"))
                .containsExactly(new CompletedBy("ApproveReturn", "approvedBy"));
        assertThat(models.completedByBefore("return-process", "AuthorizeReturn")).as("through two gateways")
                .containsExactly(new CompletedBy("ReviewReturn", "reviewedBy"));
        assertThat(models.completedByBefore("unexpected-parcel", "ResolveUnexpectedParcel"))
                .containsExactly(new CompletedBy("HandleUnexpectedParcel", "handledBy"));
        assertThat(models.completedByBefore("return-process", "MoveReturnedStock")).as("no person's task before it")
                .isEmpty();
    }

    @Test
    void theUserTasksCarryTheirFormsListenersAndCompletedByVariables() {
        Camunda8Models.UserTaskFacts approval = models.userTask("return-process", "ApproveReturn");
        assertThat(approval.formId()).contains("return-approval");
        assertThat(approval.completedByVariable()).contains("approvedBy");
        assertThat(approval.completingListenerTypes()).containsExactly("check-four-eyes");
        assertThat(models.userTask("return-process", "ReviewReturn").completingListenerTypes())
                .containsExactly("check-reviewed-reason");
        assertThat(models.listenerTypes()).containsExactlyInAnyOrder("check-four-eyes", "check-reviewed-reason");
        assertThat(models.files()).extracting(file -> file.path())
                .contains("bpmn/return-process.bpmn", "bpmn/disposition.dmn", "forms/inspection.form");
    }

    @Test
    void thePersonIsTheAssigneeOfTheNewestCompletedTask() {
        assertThat(TaskCompleters.completer(task(UserTaskState.COMPLETED, "quality2"), job())).contains("quality2");
        assertThat(TaskCompleters.completer(task(UserTaskState.COMPLETED, null), job())).as("completed unassigned")
                .isEmpty();
        assertThatThrownBy(() -> TaskCompleters.completer(task(UserTaskState.CREATED, "quality2"), job()))
                .isInstanceOf(TaskCompleters.TaskCompletionNotVisibleException.class)
                .hasMessageContaining("not yet shown as completed");
    }

    private static UserTask task(UserTaskState state, String assignee) {
        UserTask task = mock(UserTask.class);
        when(task.getState()).thenReturn(state);
        when(task.getAssignee()).thenReturn(assignee);
        when(task.getElementId()).thenReturn("InspectReturn");
        when(task.getUserTaskKey()).thenReturn(7L);
        return task;
    }

    private static TestJob job() {
        return new TestJob("record-inspection", "RecordInspection", 1, 3, java.util.Map.of(), null);
    }
}
