package org.openreturns.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openreturns.ai.reasons.LabelledMessage;
import org.openreturns.ai.reasons.ReasonDataSet;
import org.openreturns.ai.reasons.ReasonModel;
import org.openreturns.ai.reasons.ShippedReasonModel;

/**
 * Prints the reason classifier's time-to-ready (loading the model the build trained, in a JVM that has done nothing
 * else, as at start-up), the time training takes (as in the build and a retraining) and its classification latency
 * p50/p99 over the held-out messages, which
 * the model has never seen. Both are printed as wall-clock time and as the processor time this JVM used, which
 * hardly changes when other work shares the machine. Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.openreturns.benchmark.ReasonClassifierBenchmark</pre>
 * Argument: rounds over the held-out set (default 10).
 */
public final class ReasonClassifierBenchmark {

    private ReasonClassifierBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;

        Duration cpuBefore = processorTime();
        long start = System.nanoTime();
        ReasonModel model = ShippedReasonModel.load("reason-1").orElseThrow(() -> new IllegalStateException(
                "No shipped model for this build: run mvn process-classes first"));
        long readyNanos = System.nanoTime() - start;
        Duration readyCpu = processorTime().minus(cpuBefore);
        System.out.printf("time-to-ready (load the shipped model, as at start-up): %d ms wall, %d ms processor time "
                + "(%d cores)%n", readyNanos / 1_000_000, readyCpu.toMillis(), Runtime.getRuntime().availableProcessors());

        cpuBefore = processorTime();
        start = System.nanoTime();
        ReasonModel.train("benchmark", ReasonDataSet.training());
        Duration trainingCpu = processorTime().minus(cpuBefore);
        System.out.printf("training from the shipped data (as the build and a retraining do): %d ms wall, %d ms "
                + "processor time%n", (System.nanoTime() - start) / 1_000_000, trainingCpu.toMillis());

        List<LabelledMessage> messages = ReasonDataSet.heldOut();
        for (LabelledMessage message : messages) {
            model.classify(message.message(), null); // warm-up: the first round runs partly interpreted
        }
        List<Long> latencies = new ArrayList<>();
        cpuBefore = processorTime();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (LabelledMessage message : messages) {
                long before = System.nanoTime();
                model.classify(message.message(), null);
                latencies.add(System.nanoTime() - before);
            }
        }
        long total = System.nanoTime() - started;
        Duration cpu = processorTime().minus(cpuBefore);
        Collections.sort(latencies);
        System.out.printf("classification (language detected): %d messages, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "%.2f ms processor time per message%n", latencies.size(),
                millis(latencies.get(latencies.size() / 2)), millis(latencies.get((int) (latencies.size() * 0.99))),
                millis(latencies.get(latencies.size() - 1)), cpu.toNanos() / 1e6 / latencies.size());
        System.out.printf("throughput on one thread: %.0f messages/s%n", latencies.size() / (total / 1e9));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static Duration processorTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
