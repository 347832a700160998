package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/** After a JVM was killed hard, the next start stops the PostgreSQL it left running and starts on the same data. */
class LeftoverServerTest {

    @Test
    void aStartAfterAHardKillTakesOverTheDataDirectory() throws Exception {
        Path dataDirectory = Path.of("target/test-databases/leftover-" + UUID.randomUUID()).toAbsolutePath();
        Process killedJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartAndHang.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(killedJvm.getInputStream()))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the first JVM started its PostgreSQL").isEqualTo("READY");
        }
        killedJvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long leftover = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(leftover)).as("its PostgreSQL outlived it").hasValueSatisfying(
                process -> assertThat(process.isAlive()).isTrue());

        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDirectory, 0, false, 2, Duration.ofSeconds(30));
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties)) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var result = connection.createStatement().executeQuery("select count(*) from survivor")) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    /** The JVM that gets killed: starts PostgreSQL on the directory, writes a row, says READY and waits. */
    public static final class StartAndHang {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
            try (var connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create table survivor (id int); insert into survivor values (1)");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
