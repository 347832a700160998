package org.openreturns.process.camunda8;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.camunda.client.api.command.CompleteJobCommandStep1.CompleteJobCommandJobResultStep;
import io.camunda.client.api.worker.JobClient;

/**
 * A client (a {@link JobClient} or a {@code CamundaClient}) that records the commands sent through it instead of
 * sending them: each call of the fluent command chain (e.g. {@code newCompleteCommand}, {@code variables},
 * {@code send}) with its arguments; every answer is another recording proxy or an empty value. A job result function
 * ({@code withResult}) is applied to a recording result, so its denial is recorded too.
 */
final class RecordingProxy<T> {

    /** One recorded call: the method's name and its arguments. */
    record Call(String method, List<Object> arguments) {
        Object argument() {
            return arguments.get(0);
        }
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final T proxy;
    private final Map<String, Supplier<Object>> answers = new ConcurrentHashMap<>();

    RecordingProxy(Class<T> type) {
        this.proxy = proxy(type);
    }

    static RecordingProxy<JobClient> jobClient() {
        return new RecordingProxy<>(JobClient.class);
    }

    T proxy() {
        return proxy;
    }

    /**
     * Answers every call of this method with the supplier's value, e.g. {@code join} with a response, which the
     * proxy cannot build from the erased generic return type.
     */
    RecordingProxy<T> answering(String method, Supplier<Object> answer) {
        answers.put(method, answer);
        return this;
    }

    /** A recording proxy of another interface, sharing this one's record of calls. */
    <P> P recording(Class<P> type) {
        return proxy(type);
    }

    /** The arguments of every call of this method, in order. */
    List<Object> arguments(String method, int index) {
        return calls().stream().filter(call -> call.method().equals(method))
                .map(call -> call.arguments().get(index)).toList();
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
    private <P> P proxy(Class<P> type) {
        return (P) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, arguments) -> invoke(self, method, arguments));
    }

    @SuppressWarnings("unchecked")
    private Object invoke(Object self, Method method, Object[] arguments) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == arguments[0];
                default -> "RecordingProxy";
            };
        }
        List<Object> recorded = arguments == null ? List.of() : java.util.Arrays.asList(arguments);
        calls.add(new Call(method.getName(), recorded));
        if (method.getName().equals("withResult")) {
            ((Function<CompleteJobCommandJobResultStep, ?>) arguments[0])
                    .apply(proxy(CompleteJobCommandJobResultStep.class));
        }
        Supplier<Object> answer = answers.get(method.getName());
        if (answer != null) {
            return answer.get();
        }
        Class<?> returned = method.getReturnType();
        if (returned.isInterface()) {
            return proxy(returned);
        }
        if (returned == boolean.class) {
            return false;
        }
        if (returned == long.class) {
            return 0L;
        }
        if (returned.isPrimitive() && returned != void.class) {
            return 0;
        }
        return null;
    }
}
