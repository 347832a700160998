package org.openreturns.process;

import java.time.Instant;
import java.util.List;

/**
 * Steps the engine gave up on after their retries ran out (incidents), whichever runtime runs the processes: an
 * operator looks at them in Cockpit or Operate.
 */
public interface EngineIncidents {

    /** Open incidents, oldest first, at most {@code limit}. */
    List<Incident> open(int limit);

    /**
     * @param elementId         the model element whose step failed, e.g. {@code PostRefund}
     * @param processInstanceId the instance to open in Cockpit or Operate
     */
    record Incident(String id, String processInstanceId, String elementId, String message, Instant createdAt) {
    }
}
