package org.openreturns.process.camunda8;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.camunda.client.api.command.CompleteJobCommandStep1.CompleteJobCommandJobResultStep;
import io.camunda.client.api.worker.JobClient;

/**
 * A {@link JobClient} that records the commands a job handler sends instead of sending them: each call of the
 * fluent command chain (e.g. {@code newCompleteCommand}, {@code variables}, {@code send}) with its arguments. A job
 * result function ({@code withResult}) is applied to a recording result, so its denial is recorded too.
 */
final class RecordingJobClient {

    /** One recorded call: the method's name and its arguments. */
    record Call(String method, List<Object> arguments) {
        Object argument() {
            return arguments.get(0);
        }
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final JobClient client = proxy(JobClient.class);

    JobClient client() {
        return client;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The first call of this method, if the handler made one. */
    Optional<Call> call(String method) {
        return calls().stream().filter(call -> call.method().equals(method)).findFirst();
    }

    /** Which command the handler sent: newCompleteCommand, newFailCommand or newThrowErrorCommand. */
    String command() {
        return calls().stream().map(Call::method).filter(method -> method.startsWith("new")).findFirst()
                .orElseThrow(() -> new AssertionError("The handler sent no command"));
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, arguments) -> invoke(self, method, arguments));
    }

    @SuppressWarnings("unchecked")
    private Object invoke(Object self, Method method, Object[] arguments) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == arguments[0];
                default -> "RecordingJobClient proxy";
            };
        }
        List<Object> recorded = arguments == null ? List.of() : java.util.Arrays.asList(arguments);
        calls.add(new Call(method.getName(), recorded));
        if (method.getName().equals("withResult")) {
            ((Function<CompleteJobCommandJobResultStep, ?>) arguments[0])
                    .apply(proxy(CompleteJobCommandJobResultStep.class));
        }
        Class<?> returned = method.getReturnType();
        if (returned.isInterface()) {
            return proxy(returned);
        }
        if (returned == boolean.class) {
            return false;
        }
        if (returned.isPrimitive() && returned != void.class) {
            return 0;
        }
        return null;
    }
}
