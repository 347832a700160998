package org.openreturns.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openreturns.process.HumanTask;
import org.openreturns.process.HumanTasks;
import org.openreturns.process.TaskAccessDeniedException;
import org.openreturns.system.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The human tasks Tasklist shows, for callers that work through the API; the acting user is the caller. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final HumanTasks humanTasks;

    TaskController(HumanTasks humanTasks) {
        this.humanTasks = humanTasks;
    }

    @GetMapping
    List<HumanTask> openTasks(@RequestParam String group, Authentication caller) {
        Actor actor = Actor.of(caller);
        if (!actor.isIn(group)) {
            throw new TaskAccessDeniedException("User " + actor.userId() + " is not in group " + group);
        }
        return humanTasks.openTasksOfGroup(group);
    }

    /**
     * The body holds the task's variables, the same ones its form submits in Tasklist. A list of texts is taken for
     * a text field as one entry per line (the inspection's evidence references), because process variables stay
     * plain values.
     */
    @PostMapping("/{taskId}/complete")
    ResponseEntity<Void> complete(@PathVariable String taskId,
                                  @RequestBody(required = false) Map<String, Object> variables,
                                  Authentication caller) {
        Actor actor = Actor.of(caller);
        humanTasks.complete(taskId, actor.userId(), actor.groups(), plainValues(variables));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> plainValues(Map<String, Object> variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, value) -> plain.put(name, value instanceof List<?> list
                    && list.stream().allMatch(String.class::isInstance)
                    ? String.join("\n", list.stream().map(String.class::cast).toList()) : value));
        }
        return plain;
    }
}
