package org.openreturns.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The human tasks of the running processes: the same ones Tasklist shows, completed with the same variables. */
public interface HumanTasks {

    /** Open tasks that members of the group may work on, oldest first, including ones already claimed. */
    List<HumanTask> openTasksOfGroup(String group);

    /** Open tasks of the processes running for one business object, oldest first. */
    List<HumanTask> openTasksOf(String businessKey);

    /**
     * Completes a task on behalf of a user, after checking that the user may work on it and that the variables
     * fit the task's form.
     *
     * @throws TaskNotFoundException       no open task has this id
     * @throws TaskAccessDeniedException   the user is neither a candidate nor the assignee
     * @throws TaskClaimedException        another user has claimed the task
     * @throws InvalidTaskSubmissionException the variables do not fit the form; nothing was changed
     * @throws TaskCompletionDeniedException  a {@link TaskCompletionCheck} of the task refused this user; nothing
     *                                        was changed
     */
    void complete(String taskId, String userId, Set<String> userGroups, Map<String, Object> variables);

    /**
     * Makes the open tasks of the processes of a business object visible to another group too, e.g. the managers
     * when a stage runs past its SLA. Involving a group again changes nothing.
     */
    void involveGroup(String businessKey, String group);
}
