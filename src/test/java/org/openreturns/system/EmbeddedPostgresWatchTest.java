package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The application stops when its server dies under it, and not when it stops the server itself. */
class EmbeddedPostgresWatchTest {

    @Test
    void aServerThatDiesUnderTheApplicationStopsIt() throws Exception {
        Process server = new ProcessBuilder("sleep", "60").start();
        AtomicBoolean stopped = new AtomicBoolean();
        new EmbeddedPostgresWatch(server.toHandle(), Path.of("data"), () -> stopped.set(true)).start();

        server.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).untilTrue(stopped);
    }

    @Test
    void aServerStoppedByTheApplicationLeavesItAlone() throws Exception {
        Process server = new ProcessBuilder("sleep", "60").start();
        AtomicBoolean stopped = new AtomicBoolean();
        EmbeddedPostgresWatch watch = new EmbeddedPostgresWatch(server.toHandle(), Path.of("data"),
                () -> stopped.set(true));
        watch.start();

        watch.stopWatching();
        server.destroy();
        server.waitFor();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilFalse(stopped);
        assertThat(server.isAlive()).isFalse();
    }
}
