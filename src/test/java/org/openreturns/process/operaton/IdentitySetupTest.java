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
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.history.UserOperationLogEntry;
import org.operaton.bpm.engine.task.Comment;
import org.operaton.bpm.engine.identity.User;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.process.WorkGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The groups of docs/specification/vocabulary.md, the demo users, and what the engine's authorizations let each of
 * them see and do in the web apps and the engine's REST API (docs/authorization.md).
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
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine processEngine;

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

    @Test
    void eachGroupOpensTheWebAppsOfItsWork() {
        for (String group : WorkGroups.DOMAIN_GROUPS) {
            String user = userOnlyIn(group);
            assertThat(mayOpen(user, group, "tasklist")).as("%s opens Tasklist", group).isTrue();
            assertThat(mayOpen(user, group, "cockpit")).as("%s opens Cockpit", group)
                    .isEqualTo(group.equals("manager") || group.equals("admin"));
            assertThat(mayOpen(user, group, "admin")).as("%s opens Admin", group).isEqualTo(group.equals("admin"));
        }
    }

    @Test
    void theEngineRestApiShowsAndChangesOnlyWhatTheGroupMay() {
        String businessKey = UUID.randomUUID().toString();
        String instanceId = runtimeService.startProcessInstanceByKey("reconciliation-break", businessKey,
                Map.of("breakId", "0")).getId();
        runtimeService.deleteProcessInstance(instanceId, "authorization test");
        // Each test context names its engine (application-test.yml), so the REST API is asked for it by name.
        String engineRest = "/engine-rest/engine/" + processEngine.getName();
        String finished = engineRest + "/history/process-instance/count?processInstanceBusinessKey=" + businessKey;

        assertThat(engineRest(userOnlyIn("support"), HttpMethod.GET, finished).getBody()).isEqualTo("{\"count\":0}");
        assertThat(engineRest(userOnlyIn("manager"), HttpMethod.GET, finished).getBody()).isEqualTo("{\"count\":1}");
        assertThat(engineRest(userOnlyIn("admin"), HttpMethod.GET, finished).getBody()).isEqualTo("{\"count\":1}");
        // Returns start through the HTTP API, which checks the request; nobody but operations starts one directly.
        for (String group : List.of("support", "manager")) {
            assertThat(engineRest(userOnlyIn(group), HttpMethod.POST,
                    engineRest + "/process-definition/key/reconciliation-break/start").getStatusCode())
                    .as("%s starts an instance", group).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(engineRest(null, HttpMethod.GET, finished).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private boolean mayOpen(String user, String group, String application) {
        return authorizationService.isUserAuthorized(user, List.of(group), Permissions.ACCESS, Resources.APPLICATION,
                application);
    }

    private ResponseEntity<String> engineRest(String user, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate caller = user == null ? http : http.withBasicAuth(user, "demo");
        return caller.exchange(path, method, new HttpEntity<>(method == HttpMethod.GET ? null : "{}", headers),
                String.class);
    }

    /** A user in this one group (the demo user admin is in every group). */
    private String userOnlyIn(String group) {
        // User ids allow no hyphen (the engine's default id pattern), unlike group ids here.
        String userId = "only" + group.replace("-", "");
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(userId, group);
        }
        return userId;
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
