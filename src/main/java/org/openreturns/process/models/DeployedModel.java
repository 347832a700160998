package org.openreturns.process.models;

import java.time.Instant;

/**
 * The latest version of one process, decision or form in the runtime.
 *
 * @param kind       {@code process}, {@code decision} or {@code form}
 * @param id         the id by which models and the application refer to it (process id, decision id, form id)
 * @param version    the runtime's version number; a new deployment of a changed file adds one
 * @param resource   the file it was deployed from, e.g. {@code bpmn/eligibility.dmn}
 * @param deployedAt when that version was deployed, where the runtime tells
 */
public record DeployedModel(String kind, String id, int version, String resource, Instant deployedAt) {
}
