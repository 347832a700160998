package org.openreturns.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Processor time used by this JVM and by the embedded PostgreSQL serving a data directory (its server process and
 * the backends it forked). Unlike returns per second, it hardly changes when other work shares the machine, so two
 * variants measured on a busy machine can still be compared.
 */
final class ProcessorTime {

    private final Path dataDirectory;

    ProcessorTime(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /** The processor time used so far by the JVM, and by PostgreSQL's processes that are still running. */
    Sample now() {
        return new Sample(cpu(ProcessHandle.current()), postgresProcesses().map(ProcessorTime::cpu)
                .reduce(Duration.ZERO, Duration::plus));
    }

    /** The server started with this data directory (it runs detached, so it is no child of the JVM) and its backends. */
    private Stream<ProcessHandle> postgresProcesses() {
        String directory = dataDirectory.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(arguments -> Stream.of(arguments)
                        .anyMatch(argument -> argument.contains(directory))).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    record Sample(Duration java, Duration postgres) {

        Sample minus(Sample earlier) {
            return new Sample(java.minus(earlier.java), postgres.minus(earlier.postgres));
        }
    }
}
