package org.openreturns.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.openreturns.ApiClient;
import org.openreturns.OpenReturnsApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The application as an operator runs it: a JVM of its own (this test's class path and the main class, so it runs
 * wherever the tests run), on the embedded defaults, with its PostgreSQL's data in a folder that outlives it and its
 * output in a log file. It can be killed the hard way and started again on the same data and ports.
 */
final class ApplicationProcess {

    /** A start takes 15 to 30 seconds on an idle two-core machine, minutes on one shared with other builds. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(5);

    private final Path dataDirectory;
    private final Path logDirectory;
    private final int port;
    private final int postgresPort;
    private Process process;
    private Path log;

    ApplicationProcess(Path dataDirectory, Path logDirectory) throws IOException {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.logDirectory = logDirectory;
        this.port = freePort();
        this.postgresPort = freePort();
        Files.createDirectories(logDirectory);
    }

    /** Starts the application and waits until it is ready; answers when it was. */
    Instant start(String name) throws IOException {
        log = logDirectory.resolve(name + ".log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The client compiler only and one garbage collector thread: a start needs half the processor time.
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), OpenReturnsApplication.class.getName(),
                "--server.port=" + port,
                "--returns.embedded-postgres.data-directory=" + dataDirectory,
                "--returns.embedded-postgres.port=" + postgresPort)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(250))
                    .ignoreException(ConnectException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("The application stopped while starting:\n" + logTail());
                        }
                        return ready();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The application was not ready after " + START_PATIENCE + ":\n" + logTail(), e);
        }
        return Instant.now();
    }

    private boolean ready() throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /** SIGKILL, as {@code kill -9} or an out-of-memory killer would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Answers the exit code once the application has stopped by itself. */
    int awaitExit(Duration patience) throws InterruptedException, IOException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The application still runs after " + patience + ":\n" + logTail());
        }
        return process.exitValue();
    }

    /**
     * Stops it as a supervisor would at the end (SIGTERM), and its PostgreSQL with it; also a PostgreSQL left running
     * by a start that failed.
     */
    void stop() throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        LeftoverServer.stopIfRunning(dataDirectory, Duration.ofSeconds(30));
    }

    /** The PostgreSQL server of the data folder (it outlives a killed application until the next start stops it). */
    ProcessHandle postgresServer() throws IOException {
        return LeftoverServer.runningServer(dataDirectory).orElseThrow(
                () -> new AssertionError("No PostgreSQL runs on " + dataDirectory));
    }

    ApiClient api() {
        return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    /** A connection to the application's database, for counting what it recorded. */
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
