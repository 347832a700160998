package org.openreturns.process;

import java.util.Optional;

/**
 * A rule checked when a person completes a user task, in Tasklist and through the API alike: a Camunda 8 user task
 * listener on the {@code completing} event ({@code zeebe:taskListener type="..."}). A denial refuses the
 * completion; the task stays open and nothing changes.
 */
public interface TaskCompletionCheck {

    /** The listener type in the model, e.g. {@code check-four-eyes}. */
    String type();

    /** Why this person may not complete the task, or empty when they may. */
    Optional<String> denial(TaskCompletion completion);
}
