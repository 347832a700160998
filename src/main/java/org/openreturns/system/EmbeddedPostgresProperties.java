package org.openreturns.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no external database is configured.
 *
 * @param dataDirectory   where the database files live; kept across restarts
 * @param port            the TCP port, or 0 for any free port
 * @param durable         fsync and synchronous commit on; only tests turn this off
 * @param maximumPoolSize connections the application keeps open
 * @param connectionTimeout how long a request or a step waits for a free connection before it fails; an API request
 *                          that fails so is answered 503 with {@code Retry-After}
 */
@ConfigurationProperties("returns.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("./data/postgres") Path dataDirectory,
                                  @DefaultValue("0") int port,
                                  @DefaultValue("true") boolean durable,
                                  @DefaultValue("20") int maximumPoolSize,
                                  @DefaultValue("PT30S") Duration connectionTimeout) {
}
