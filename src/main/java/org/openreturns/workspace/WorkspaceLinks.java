package org.openreturns.workspace;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Where a task and a process instance are worked on outside the workspace: Operaton's Tasklist and Cockpit by
 * default, Camunda 8's Tasklist and Operate on the camunda8 profile. The addresses are settings
 * ({@code returns.workspace.*-link}) with {@code {id}} in place of the id.
 */
@Component("links")
public class WorkspaceLinks {

    private final String taskLink;
    private final String instanceLink;
    private final String tasklistLink;
    private final String incidentsLink;

    WorkspaceLinks(@Value("${returns.workspace.task-link}") String taskLink,
                   @Value("${returns.workspace.instance-link}") String instanceLink,
                   @Value("${returns.workspace.tasklist-link}") String tasklistLink,
                   @Value("${returns.workspace.incidents-link}") String incidentsLink) {
        this.taskLink = taskLink;
        this.instanceLink = instanceLink;
        this.tasklistLink = tasklistLink;
        this.incidentsLink = incidentsLink;
    }

    /** The task list itself, where each group's tasks wait. */
    public String tasklist() {
        return tasklistLink;
    }

    /** Where an operator sees the engine's open incidents. */
    public String incidents() {
        return incidentsLink;
    }

    public String task(String taskId) {
        return taskLink.replace("{id}", UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8));
    }

    public String instance(String processInstanceId) {
        return instanceLink.replace("{id}",
                UriUtils.encodePathSegment(processInstanceId, StandardCharsets.UTF_8));
    }
}
