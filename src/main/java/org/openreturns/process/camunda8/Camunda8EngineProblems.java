package org.openreturns.process.camunda8;

import java.time.Duration;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import org.openreturns.process.EngineProblems;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Counts through the cluster's search API, asking for no rows, only the total. Searches read the secondary storage,
 * which follows the engine by a moment.
 */
@Profile(Runtimes.CAMUNDA8)
@Component
class Camunda8EngineProblems implements EngineProblems {

    /** A scrape waits no longer for the cluster; the gauge then shows no value. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final CamundaClient client;

    Camunda8EngineProblems(CamundaClient client) {
        this.client = client;
    }

    @Override
    public long openIncidents() {
        return client.newIncidentSearchRequest().filter(filter -> filter.state(IncidentState.ACTIVE))
                .page(page -> page.limit(1)).requestTimeout(ANSWER_WITHIN).send().join().page().totalItems();
    }

    @Override
    public long failingJobs() {
        return client.newJobSearchRequest().filter(filter -> filter.hasFailedWithRetriesLeft(true))
                .page(page -> page.limit(1)).requestTimeout(ANSWER_WITHIN).send().join().page().totalItems();
    }
}
