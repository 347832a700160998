package org.openreturns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers; elsewhere JUnit reports it as skipped with the reason.
 * Camunda Process Test starts the Camunda 8 cluster in a container; the build machines have no Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfDockerAvailable.DockerCondition.class)
public @interface EnabledIfDockerAvailable {

    class DockerCondition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                available = false;
            }
            return available ? ConditionEvaluationResult.enabled("Docker is available")
                    : ConditionEvaluationResult.disabled("Skipped: no Docker engine is available here, and Camunda"
                            + " Process Test runs the Camunda 8 cluster in a Docker container");
        }
    }
}
