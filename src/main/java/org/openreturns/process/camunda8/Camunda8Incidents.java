package org.openreturns.process.camunda8;

import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import org.openreturns.process.EngineIncidents;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The cluster's active incidents, from its search (what Operate shows). */
@Profile(Runtimes.CAMUNDA8)
@Component
class Camunda8Incidents implements EngineIncidents {

    private final CamundaClient client;

    Camunda8Incidents(CamundaClient client) {
        this.client = client;
    }

    @Override
    public List<Incident> open(int limit) {
        return client.newIncidentSearchRequest()
                .filter(filter -> filter.state(IncidentState.ACTIVE))
                .sort(sort -> sort.creationTime().asc())
                .page(page -> page.limit(limit))
                .send().join().items().stream()
                .map(incident -> new Incident(String.valueOf(incident.getIncidentKey()),
                        String.valueOf(incident.getProcessInstanceKey()), incident.getElementId(),
                        incident.getErrorMessage(), incident.getCreationTime().toInstant()))
                .toList();
    }
}
