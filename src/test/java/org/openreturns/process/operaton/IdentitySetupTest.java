package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
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

    private <T> T as(String userId, List<String> groups, Supplier<T> query) {
        identityService.setAuthentication(userId, groups);
        try {
            return query.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
