package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openreturns.process.InvalidTaskSubmissionException;
import org.openreturns.process.TaskAccessDeniedException;
import org.openreturns.process.TaskClaimedException;
import org.openreturns.process.TaskCompletion;
import org.openreturns.process.TaskCompletionCheck;
import org.openreturns.process.TaskCompletionChecks;
import org.openreturns.process.TaskCompletionDeniedException;
import org.openreturns.process.TaskCompletedException;
import org.openreturns.process.TaskNotFoundException;
import org.openreturns.process.models.ProjectModels;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The task API on Camunda 8: who may complete a task, what they may submit, and the commands sent to Camunda 8's
 * user-task API (assign to the caller, then complete with the form's variables and the person), with a client
 * that answers like the cluster.
 */
class Camunda8HumanTasksTest {

    private static final long TASK = 2251799813685300L;

    private final CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final Camunda8HumanTasks tasks = new Camunda8HumanTasks(client,
            new Camunda8Models(ProjectModels.files()),
            beans.getBeanProvider(TaskCompletionChecks.class), new VariablesJson(new ObjectMapper()));

    private String deniedTo = "nobody";

    Camunda8HumanTasksTest() {
        beans.addBean("checks", new TaskCompletionChecks(List.of(new TaskCompletionCheck() {
            @Override
            public String type() {
                return "check-four-eyes";
            }

            @Override
            public Optional<String> denial(TaskCompletion completion) {
                return completion.completingUser().equals(deniedTo)
                        ? Optional.of(deniedTo + " inspected this return: four eyes are required") : Optional.empty();
            }
        })));
    }

    @Test
    void aCandidateCompletesAsInTasklistAssignedFirstWithTheFormsVariablesAndTheirName() throws Exception {
        approvalTask(null, UserTaskState.CREATED);

        tasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", true, "comment", "Serial verified"));

        verify(client.newAssignUserTaskCommand(TASK)).assignee("finance1");
        ArgumentCaptor<String> sent = ArgumentCaptor.forClass(String.class);
        verify(client.newCompleteUserTaskCommand(TASK)).variables(sent.capture());
        assertThat(new ObjectMapper().readTree(sent.getValue())).isEqualTo(new ObjectMapper().readTree(
                "{\"approved\":true,\"comment\":\"Serial verified\",\"approvedBy\":\"finance1\"}"));
    }

    @Test
    void someoneOutsideTheCandidateGroupsMayNotComplete() {
        approvalTask(null, UserTaskState.CREATED);

        assertThatThrownBy(() -> tasks.complete(String.valueOf(TASK), "quality1", Set.of("quality"),
                Map.of("approved", true, "comment", "ok")))
                .isInstanceOf(TaskAccessDeniedException.class).hasMessageContaining("[finance, manager]");
        verify(client, never()).newCompleteUserTaskCommand(anyLong());
    }

    @Test
    void aTaskAssignedToAnotherPersonIsTheirs() {
        approvalTask("manager1", UserTaskState.CREATED);

        assertThatThrownBy(() -> tasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", true, "comment", "ok"))).isInstanceOf(TaskClaimedException.class);
    }

    @Test
    void variablesThatDoNotFitTheFormAreRefusedNamingTheField() {
        approvalTask(null, UserTaskState.CREATED);

        assertThatThrownBy(() -> tasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", "yes")))
                .isInstanceOfSatisfying(InvalidTaskSubmissionException.class, e -> assertThat(e.violations())
                        .extracting(InvalidTaskSubmissionException.FieldViolation::field)
                        .contains("approved", "comment"));
        verify(client, never()).newCompleteUserTaskCommand(anyLong());
    }

    @Test
    void theTasksCompletionChecksRunBeforeAnythingIsSent() {
        approvalTask(null, UserTaskState.CREATED);
        deniedTo = "finance1";

        assertThatThrownBy(() -> tasks.complete(String.valueOf(TASK), "finance1", Set.of("finance"),
                Map.of("approved", true, "comment", "ok")))
                .isInstanceOf(TaskCompletionDeniedException.class).hasMessageContaining("four eyes");
        verify(client, never()).newAssignUserTaskCommand(anyLong());
        verify(client, never()).newCompleteUserTaskCommand(anyLong());
    }

    @Test
    void aTaskCompletedBeforeIsRefusedNamingWhoCompletedItAndNothingIsSent() {
        approvalTask("finance1", UserTaskState.COMPLETED);

        assertThatThrownBy(() -> tasks.complete(String.valueOf(TASK), "manager1", Set.of("manager"),
                Map.of("approved", false, "comment", "too late")))
                .isInstanceOf(TaskCompletedException.class)
                .hasMessageContaining("Approve disposition and refund").hasMessageContaining("completed already by finance1");
        verify(client, never()).newCompleteUserTaskCommand(anyLong());
    }

    @Test
    void anIdThatIsNoTaskKeyIsNotFound() {
        assertThatThrownBy(() -> tasks.complete("not-a-key", "finance1", Set.of("finance"), Map.of()))
                .isInstanceOf(TaskNotFoundException.class);
    }

    @SuppressWarnings("unchecked")
    private void approvalTask(String assignee, UserTaskState state) {
        UserTask task = mock(UserTask.class);
        when(task.getUserTaskKey()).thenReturn(TASK);
        when(task.getName()).thenReturn("Approve disposition and refund");
        when(task.getState()).thenReturn(state);
        when(task.getAssignee()).thenReturn(assignee);
        when(task.getElementId()).thenReturn("ApproveReturn");
        when(task.getBpmnProcessId()).thenReturn("return-process");
        when(task.getProcessInstanceKey()).thenReturn(7L);
        when(task.getCandidateGroups()).thenReturn(List.of("finance", "manager"));
        when(task.getCandidateUsers()).thenReturn(List.of());
        when(task.getFormKey()).thenReturn(11L);
        when(client.newUserTaskGetRequest(TASK).send().join()).thenReturn(task);
        when(client.newUserTaskGetFormRequest(TASK).send().join().getSchema()).thenReturn(form("return-approval"));
        Variable returnId = mock(Variable.class);
        when(returnId.getName()).thenReturn("returnId");
        when(returnId.getValue()).thenReturn("\"5b0e2d3c-0000-0000-0000-000000000001\"");
        when(returnId.getScopeKey()).thenReturn(7L);
        when(returnId.getProcessInstanceKey()).thenReturn(7L);
        when(client.newVariableSearchRequest().withFullValues().filter(any(Consumer.class)).page(any(Consumer.class))
                .send().join()
                .items()).thenReturn(List.of(returnId));
    }

    private static String form(String name) {
        try {
            return Files.readString(Path.of("forms", name + ".form"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
