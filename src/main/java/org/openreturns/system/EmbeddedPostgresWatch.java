package org.openreturns.system;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL while the application runs. Should the server die under the application (killed,
 * out of memory), no request and no step can succeed any more; rather than answer each with connection errors, the
 * application says what happened and what to do, and stops with {@link #EXIT_CODE}, so that whoever runs it
 * (systemd, Docker, Kubernetes, an operator) starts it again. That start is the one path that recovers everything: the
 * embedded PostgreSQL replays its write-ahead log, and the steps that were running are taken back at once
 * (docs/adr/0014-crash-recovery.md). An in-process restart of the server would leave those steps' jobs locked by
 * this still running node until their lock expired.
 */
final class EmbeddedPostgresWatch {

    /** {@code EX_UNAVAILABLE} of sysexits.h: a service the application needs is gone. */
    static final int EXIT_CODE = 69;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresWatch.class);

    private final ProcessHandle server;
    private final Path dataDirectory;
    private final Runnable stopApplication;
    private volatile boolean stopping;

    EmbeddedPostgresWatch(ProcessHandle server, Path dataDirectory, Runnable stopApplication) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.stopApplication = stopApplication;
    }

    void start() {
        server.onExit().thenRun(this::serverGone);
    }

    /** The application stops the server itself now (it is shutting down): its end is expected. */
    void stopWatching() {
        stopping = true;
    }

    private void serverGone() {
        if (stopping) {
            return;
        }
        log.error("The embedded PostgreSQL (pid {}, data in {}) stopped while the application was running: it was"
                + " killed, or the machine ran out of memory. The application stops now (exit code {}), as it cannot"
                + " work without its database. Start it again on the same data (a supervisor such as systemd or"
                + " Docker with a restart policy does this by itself): PostgreSQL recovers its data from its"
                + " write-ahead log, and the steps that were running resume within seconds. See"
                + " docs/troubleshooting.md.", server.pid(), dataDirectory, EXIT_CODE);
        stopApplication.run();
    }
}
