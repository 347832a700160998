package org.openreturns.process;

public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("No open task has the id " + taskId);
    }
}
