package org.openreturns.process.operaton;

import java.util.List;

import org.openreturns.process.EngineIncidents;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The embedded engine's open incidents, read from its runtime tables. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonIncidents implements EngineIncidents {

    private final RuntimeService runtime;

    OperatonIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<Incident> open(int limit) {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().asc().listPage(0, limit).stream()
                .map(incident -> new Incident(incident.getId(), incident.getProcessInstanceId(),
                        incident.getActivityId(), incident.getIncidentMessage(),
                        incident.getIncidentTimestamp().toInstant()))
                .toList();
    }
}
