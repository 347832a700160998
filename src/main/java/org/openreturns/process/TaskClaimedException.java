package org.openreturns.process;

public class TaskClaimedException extends RuntimeException {

    public TaskClaimedException(String taskId, String assignee) {
        super("Task " + taskId + " is claimed by " + assignee + "; only they can complete it");
    }
}
