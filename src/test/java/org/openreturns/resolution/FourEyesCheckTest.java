package org.openreturns.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openreturns.process.TaskCompletion;
import org.openreturns.returns.ReturnProcess;

/** Who may complete the approval and the dispute resolution of a return; who is excluded comes from Approvals. */
class FourEyesCheckTest {

    private static final UUID RETURN_ID = UUID.randomUUID();
    private static final String APPROVAL_TASK = "ApproveReturn";

    private final Approvals approvals = mock(Approvals.class);
    private final FourEyesCheck check = new FourEyesCheck(approvals);

    @Test
    void inspectorMayNotApproveOwnInspection() {
        when(approvals.excludedApprovers(RETURN_ID)).thenReturn(Set.of("quality1"));

        assertThat(check.denial(completion(APPROVAL_TASK, "quality1"))).hasValue(
                "quality1 inspected this return or resolved its dispute and may not also approve it:"
                        + " four eyes are required");
    }

    @Test
    void anotherPersonMayApprove() {
        when(approvals.excludedApprovers(RETURN_ID)).thenReturn(Set.of("quality1", "manager1"));

        assertThat(check.denial(completion(APPROVAL_TASK, "finance1"))).isEmpty();
    }

    @Test
    void inspectorMayNotResolveTheDisputeOfOwnInspection() {
        when(approvals.excludedDisputeResolvers(RETURN_ID)).thenReturn(Set.of("quality1"));

        assertThat(check.denial(completion(FourEyesCheck.DISPUTE_TASK, "quality1"))).hasValue(
                "quality1 inspected this return and may not also resolve its dispute: four eyes are required");
    }

    @Test
    void theDisputeIsCheckedAgainstTheInspectorsNotAgainstTheApprovers() {
        when(approvals.excludedApprovers(RETURN_ID)).thenReturn(Set.of("manager1"));
        when(approvals.excludedDisputeResolvers(RETURN_ID)).thenReturn(Set.of("quality1"));

        assertThat(check.denial(completion(FourEyesCheck.DISPUTE_TASK, "manager1"))).isEmpty();
    }

    private static TaskCompletion completion(String taskElementId, String user) {
        return new TaskCompletion(taskElementId, "instance-1", "RMA-2026-000001", user,
                Map.of(ReturnProcess.RETURN_ID, RETURN_ID.toString()));
    }
}
