package org.openreturns.process;

import java.time.Instant;

/**
 * A task completed a second time (a double click, two people at once, a repeated request): the first completion
 * stands and nothing is changed; the API answers 409 naming who completed it and when.
 */
public class TaskCompletedException extends RuntimeException {

    public TaskCompletedException(String taskId, String taskName, String completedBy, Instant completedAt) {
        super("Task " + taskId + " (" + taskName + ") was completed already"
                + (completedBy == null ? "" : " by " + completedBy)
                + (completedAt == null ? "" : " at " + completedAt) + "; the first completion stands, nothing changed");
    }
}
