package org.openreturns.benchmark;

import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * The processor time used so far by the JVM, and by PostgreSQL: its processes still running, and the backends that
     * have ended (a pool replaces its connections now and then), which the server counts as its children's time.
     */
    Sample now() {
        return new Sample(cpu(ProcessHandle.current()), postgresProcesses().map(ProcessorTime::cpu)
                .reduce(Duration.ZERO, Duration::plus).plus(endedBackends()));
    }

    /**
     * The user and system time of the server's children that have ended, from /proc (Linux; fields cutime and cstime
     * of /proc/[pid]/stat, in clock ticks of 1/100 s).
     */
    private Duration endedBackends() {
        return postgresServers().map(server -> {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(server.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
                return Duration.ofMillis((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10);
            } catch (IOException | RuntimeException unreadable) {
                return Duration.ZERO;
            }
        }).reduce(Duration.ZERO, Duration::plus);
    }

    /** The server started with this data directory (it runs detached, so it is no child of the JVM) and its backends. */
    private Stream<ProcessHandle> postgresProcesses() {
        return postgresServers().flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
    }

    private Stream<ProcessHandle> postgresServers() {
        String directory = dataDirectory.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(arguments -> Stream.of(arguments)
                        .anyMatch(argument -> argument.contains(directory))).orElse(false));
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
