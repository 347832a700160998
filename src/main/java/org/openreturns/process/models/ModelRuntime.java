package org.openreturns.process.models;

import java.util.List;

/** What the watcher needs from the runtime that runs the models: the embedded engine or a Camunda 8 cluster. */
public interface ModelRuntime {

    /**
     * Deploys a validated set as a whole: what changed gets a new version, what did not keeps its version, and running
     * instances stay on the version they started on.
     *
     * @throws InvalidModelsException when the runtime refuses a model (nothing was deployed); any other exception
     *                                means the runtime could not be reached, and the same set may be tried again
     */
    void deploy(ModelSet models);

    /** False when deployment is left to others (a pipeline, Camunda Modeler): then the folders are not watched. */
    default boolean deploysModels() {
        return true;
    }

    /** The latest deployed version of every process, decision and form the runtime knows of. */
    List<DeployedModel> deployedModels();
}
