package org.openreturns.process;

/** A task completion refused by a {@link TaskCompletionCheck}; the API answers 403 with the reason. */
public class TaskCompletionDeniedException extends RuntimeException {

    public TaskCompletionDeniedException(String reason) {
        super(reason);
    }
}
