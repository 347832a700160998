package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StepHandlersTest {

    @Test
    void aTaskTypeWithoutHandlerStopsStartupNamingTheType() {
        StepHandlers handlers = new StepHandlers(List.of(handler("authorize-return")));

        assertThatThrownBy(() -> handlers.requireHandlersFor(List.of("authorize-return", "refund", "receive-parcel")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[receive-parcel, refund]");
    }

    @Test
    void twoHandlersForOneTaskTypeAreRefused() {
        assertThatThrownBy(() -> new StepHandlers(List.of(handler("refund"), handler("refund"))))
                .hasMessageContaining("Two step handlers for task type 'refund'");
    }

    @Test
    void everyTaskTypeWithAHandlerPasses() {
        StepHandlers handlers = new StepHandlers(List.of(handler("a"), handler("b")));
        handlers.requireHandlersFor(List.of("a", "b"));
        assertThat(handlers.forTaskType("a")).isPresent();
    }

    private static StepHandler handler(String taskType) {
        return new StepHandler() {
            @Override
            public String taskType() {
                return taskType;
            }

            @Override
            public StepResult handle(StepContext context) {
                return StepResult.completed();
            }
        };
    }
}
