package org.openreturns.returns;

import java.util.List;
import java.util.Map;

/**
 * What a lifecycle test needs from the runtime that runs the models, beyond the HTTP API: where a return's process
 * stands (for a failure message), firing a timer instead of waiting for it, and completing a task the way the
 * runtime's own Tasklist does. One implementation per runtime, so the same scenarios run on both.
 */
interface ProcessProbe {

    /** Where the return's process waits, which steps failed and what it went through, for a failed assertion. */
    String describe(String returnId);

    /** Fires the timer of the element given in the process of the return, as if its time had come. */
    void fireTimer(String returnId, String timerElementId);

    /** Completes the task as the runtime's Tasklist would for this user; throws when the runtime refuses. */
    void completeInTasklist(String taskId, String userId, List<String> groups, Map<String, Object> variables);
}
