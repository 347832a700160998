package org.openreturns.process.models;

/**
 * Why a model file cannot be deployed, for whoever edits it in Camunda Modeler.
 *
 * @param file    the file as named in the deployment, e.g. {@code bpmn/eligibility.dmn}; {@code null} when the
 *                problem is not one file's (an engine's refusal of the deployment as a whole)
 * @param message what is wrong, naming the element where there is one
 */
public record ModelProblem(String file, String message) {

    @Override
    public String toString() {
        return file == null ? message : file + ": " + message;
    }
}
