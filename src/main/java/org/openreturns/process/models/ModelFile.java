package org.openreturns.process.models;

/**
 * One model file: its name in a deployment ({@code bpmn/return-process.bpmn}, {@code forms/inspection.form}, the same
 * whichever folder it was read from) and its bytes.
 */
public record ModelFile(String path, byte[] content) {
}
