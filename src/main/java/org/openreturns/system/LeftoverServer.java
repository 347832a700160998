package org.openreturns.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM that was killed hard ({@code kill -9}, a crashed IDE) leaves its embedded PostgreSQL running on the data
 * directory, and the next start would fail on PostgreSQL's lock. This stops such a leftover server first: its
 * clients died with the old JVM, so a normal shutdown is safe and loses nothing.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
        Optional<ProcessHandle> server = runningServer(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL left running by an earlier start (pid {}) holds {}; stopping it", server.get().pid(),
                dataDirectory);
        server.get().destroy();
        try {
            server.get().onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the leftover PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The PostgreSQL left running on " + dataDirectory + " (pid " + server.get().pid()
                    + ") did not stop within " + patience + "; stop it by hand and start again", e);
        }
    }

    /** The PostgreSQL server whose pid the data directory's {@code postmaster.pid} names, if it runs. */
    static Optional<ProcessHandle> runningServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        // A file whose process is gone is stale; PostgreSQL itself replaces it on start.
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }
}
