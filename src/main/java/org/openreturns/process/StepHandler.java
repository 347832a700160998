package org.openreturns.process;

/**
 * Executes one BPMN service-task type, on whichever engine runs the model.
 *
 * <p>A handler is thin: it reads the ids and routing facts it needs from {@link StepContext}, calls an engine-free
 * service, and answers with output variables or a business error code that the model catches. It must be
 * idempotent: an engine may deliver the same step twice (a retry after a failed commit, or Camunda 8's
 * at-least-once job delivery), and the second delivery must change nothing and answer the same.
 *
 * <p>Technical failures are thrown as exceptions; the engine retries them as often as the model's
 * {@code retries} allows and then raises an incident.
 */
public interface StepHandler {

    /** The {@code zeebe:taskDefinition type} this handler executes; exactly one handler per type. */
    String taskType();

    StepResult handle(StepContext context);
}
