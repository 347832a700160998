package org.openreturns.process;

/**
 * What operations watch of the engine, whichever runtime runs the models: steps that fail and will be tried again,
 * and incidents, which wait for a person in Cockpit (Operaton) or Operate (Camunda 8).
 */
public interface EngineProblems {

    /** Incidents open now: most often a step that used up its retries. */
    long openIncidents();

    /** Jobs whose last attempt failed and that still have retries left. */
    long failingJobs();
}
