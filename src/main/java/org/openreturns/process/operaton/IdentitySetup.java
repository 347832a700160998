package org.openreturns.process.operaton;

import java.util.List;

import org.openreturns.process.Runtimes;
import org.openreturns.process.WorkGroups;
import org.openreturns.system.DemoSetting;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.operaton.bpm.engine.authorization.HistoricTaskPermissions;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.operaton.bpm.engine.history.UserOperationLogEntry;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the returns domain with what each may see in Tasklist and Cockpit, and, on the embedded
 * default, one demo user per group. Runs at every start and only adds what is missing, so changes an administrator
 * made in Operaton's Admin app stay.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final Environment environment;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, Environment environment) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        WorkGroups.DOMAIN_GROUPS.forEach(group -> createGroup(group, Groups.GROUP_TYPE_WORKFLOW));
        createGroup(Groups.OPERATON_ADMIN, Groups.GROUP_TYPE_SYSTEM);
        grantPermissions();

        String adminUser = environment.getProperty("returns.identity.admin-user", "");
        String adminPassword = environment.getProperty("returns.identity.admin-password", "");
        if (!adminUser.isBlank() && !adminPassword.isBlank()) {
            createAdmin(adminUser, adminPassword);
        }
        if (DemoSetting.isOn(environment, "returns.identity.demo-users")) {
            String password = environment.getProperty("returns.identity.demo-password", "demo");
            WorkGroups.DEMO_USERS.forEach((user, groups) -> createUser(user, password, groups));
            createAdmin("admin", password);
        }
    }

    private void createAdmin(String userId, String password) {
        List<String> groups = new java.util.ArrayList<>(WorkGroups.DOMAIN_GROUPS);
        groups.add(Groups.OPERATON_ADMIN);
        createUser(userId, password, groups);
    }

    private void createGroup(String groupId, String type) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(groupId);
        group.setType(type);
        identityService.saveGroup(group);
    }

    private void createUser(String userId, String password, List<String> groups) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identityService.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("(" + String.join(", ", groups) + ")");
        user.setPassword(password);
        identityService.saveUser(user);
        groups.forEach(group -> identityService.createMembership(userId, group));
        log.info("Created user {} in groups {}", userId, groups);
    }

    /**
     * The same groups as the HTTP API (docs/authorization.md): every group works its tasks in Tasklist and through
     * the engine's REST API (a task's candidate groups decide whose it is), managers watch in Cockpit, and operations
     * ({@code admin}) run the engine: Cockpit with retries and incidents, Admin with users and groups. Nobody else
     * starts, changes or deletes an instance outside the application.
     */
    private void grantPermissions() {
        for (Resources resource : Resources.values()) {
            grant(Groups.OPERATON_ADMIN, resource, Authorization.ANY, Permissions.ALL);
            grant(WorkGroups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String group : WorkGroups.DOMAIN_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
            // Tasklist's History tab of a task: who claimed, assigned, commented and completed it. Only the task
            // worker's operations; READ_HISTORY on the process definitions would open every instance's history too.
            grant(group, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_TASK_WORKER,
                    UserOperationLogCategoryPermissions.READ);
        }
        // Process owners watch the running returns in Cockpit; they read, they do not change.
        grant("manager", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("manager", Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant("manager", Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        grant("manager", Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant("manager", Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
        grant("manager", Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        grant("manager", Resources.TASK, Authorization.ANY, Permissions.READ);
        grant("manager", Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY, HistoricProcessInstancePermissions.READ);
        grant("manager", Resources.HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ);
    }

    /** Adds the permissions to the group's grant on the resource, creating the grant when there is none yet. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (java.util.Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
