package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.history.UserOperationLogEntry;
import org.operaton.bpm.engine.task.Comment;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The groups of docs/specification/vocabulary.md, the demo users, and what the engine's authorizations let each of
 * them see.
 */
@ReturnsIntegrationTest
class IdentitySetupTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void everyDomainGroupExistsAndEveryDemoUserIsInTheirGroup() {
        assertThat(identityService.createGroupQuery().list()).extracting(group -> group.getId())
                .contains("support", "warehouse", "quality", "finance", "manager", "inventory-control", "admin");
        assertThat(identityService.createGroupQuery().groupMember("inventory1").singleResult().getId())
                .isEqualTo("inventory-control");
        assertThat(identityService.createGroupQuery().groupMember("admin").list()).hasSize(8);
        assertThat(identityService.checkPassword("quality1", "demo")).isTrue();
    }

    @Test
    void managersSeeRunningAndFinishedInstancesInCockpitAndOtherGroupsDoNot() {
        String businessKey = UUID.randomUUID().toString();
        // Only the instance's visibility matters here. This process waits at a user task at once, so no job of it
        // runs while the test removes it again.
        String instanceId = runtimeService.startProcessInstanceByKey("reconciliation-break", businessKey,
                Map.of("breakId", "0")).getId();
        runtimeService.deleteProcessInstance(instanceId, "authorization test");

        assertThat(as("manager1", List.of("manager"), () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).count())).isEqualTo(1);
        assertThat(as("quality1", List.of("quality"), () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).count())).isZero();
        assertThat(authorizationService.isUserAuthorized("manager1", List.of("manager"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizationService.isUserAuthorized("quality1", List.of("quality"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("quality1", List.of("quality"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
    }

    @Test
    void aTasksHistoryAndCommentsAreVisibleToItsGroupInTasklist() {
        String instanceId = runtimeService.startProcessInstanceByKey("reconciliation-break",
                UUID.randomUUID().toString(), Map.of("breakId", "0")).getId();
        String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        List<String> inventoryControl = List.of("inventory-control");
        as("inventory1", inventoryControl, () -> {
            taskService.claim(taskId, "inventory1");
            return taskService.createComment(taskId, instanceId, "Counted again: 3 units short");
        });

        // Another member of the task's group opens the task in Tasklist: its History tab and comments.
        assertThat(as("inventory2", inventoryControl, () -> historyService.createUserOperationLogQuery()
                .taskId(taskId).list()))
                .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
                .contains(tuple(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "inventory1"));
        assertThat(as("inventory2", inventoryControl, () -> taskService.getTaskComments(taskId)))
                .extracting(Comment::getFullMessage).containsExactly("Counted again: 3 units short");
        runtimeService.deleteProcessInstance(instanceId, "authorization test");
    }

    private <T> T as(String userId, List<String> groups, Supplier<T> query) {
        identityService.setAuthentication(userId, groups);
        try {
            return query.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
