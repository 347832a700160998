package org.openreturns.process.operaton;

import org.openreturns.process.EngineProblems;
import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Counts in the engine's own tables: one count query each. */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class OperatonEngineProblems implements EngineProblems {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    OperatonEngineProblems(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    @Override
    public long openIncidents() {
        return runtimeService.createIncidentQuery().count();
    }

    @Override
    public long failingJobs() {
        return managementService.createJobQuery().withException().withRetriesLeft().count();
    }
}
