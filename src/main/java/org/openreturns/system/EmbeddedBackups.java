package org.openreturns.system;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consistent copies of the embedded PostgreSQL's data folder while the application runs, with PostgreSQL's
 * low-level base backup (docs/operations.md): the server is told a backup starts, the folder is copied file by
 * file, the server is told it ended, and the write-ahead log written meanwhile is copied last. PostgreSQL started on
 * such a copy replays that log up to the end of the backup, so the copy is as consistent as a snapshot, however long
 * copying took and whatever was written during it. The embedded binaries have no pg_dump or pg_basebackup, and a
 * separately installed pg_dump must match the server's major version; this needs neither.
 */
public class EmbeddedBackups {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** Files the running server owns or rebuilds on start, which the PostgreSQL manual says to leave out. */
    private static final Set<String> LEFT_OUT_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "epg-lock");
    /** Folders whose content is left out (the folders themselves are created empty). */
    private static final Set<String> EMPTIED_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path backupDirectory;
    private final Clock clock;

    EmbeddedBackups(EmbeddedPostgres postgres, Path dataDirectory, Path backupDirectory, Clock clock) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.backupDirectory = backupDirectory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** A finished backup: its folder, which is a data folder to start on after copying it into place. */
    public record Backup(String folder, long bytes, String endOfWal, OffsetDateTime takenAt, String takenBy) {
    }

    /** Takes a backup into a new folder under the backup directory; a failed one leaves no folder that looks whole. */
    public synchronized Backup backup(String takenBy) throws IOException, SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Path folder = backupDirectory.resolve(FOLDER_NAME.format(now));
        Path unfinished = backupDirectory.resolve(folder.getFileName() + ".unfinished");
        Files.createDirectories(unfinished);
        // A connection of its own, outside the pool: should this fail halfway, closing it ends the backup on the
        // server and drops the slot, where a pooled connection would keep both alive.
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            // The slot keeps the server from recycling the log the copy needs, should a checkpoint come meanwhile.
            sql.execute("select pg_create_physical_replication_slot('open_returns_backup', true, true)");
            sql.execute("select pg_backup_start('open-returns " + now + " by " + takenBy.replace("'", "")
                    + "', true)");
            copyData(unfinished);
            String endOfWal;
            try (ResultSet stop = sql.executeQuery("select lsn, labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                endOfWal = stop.getString("lsn");
                Files.writeString(unfinished.resolve("backup_label"), stop.getString("labelfile"));
                String tablespaceMap = stop.getString("spcmapfile");
                if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                    Files.writeString(unfinished.resolve("tablespace_map"), tablespaceMap);
                }
            }
            copyWriteAheadLog(unfinished);
            sql.execute("select pg_drop_replication_slot('open_returns_backup')");
            Files.move(unfinished, folder, StandardCopyOption.ATOMIC_MOVE);
            long bytes = size(folder);
            log.info("Backup of {} taken by {} into {} ({} MB, consistent at WAL position {})", dataDirectory,
                    takenBy, folder, bytes / (1024 * 1024), endOfWal);
            return new Backup(folder.toString(), bytes, endOfWal, now, takenBy);
        }
    }

    private void copyData(Path target) throws IOException {
        Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path relative = dataDirectory.relativize(directory);
                Files.createDirectories(target.resolve(relative.toString()));
                return relative.getNameCount() == 1 && EMPTIED_FOLDERS.contains(relative.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = dataDirectory.relativize(file);
                if (relative.getNameCount() == 1 && LEFT_OUT_FILES.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                copyIfStillThere(file, target.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    private void copyWriteAheadLog(Path target) throws IOException {
        Path wal = dataDirectory.resolve("pg_wal");
        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
        try (var files = Files.list(wal)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyIfStillThere(file, target.resolve("pg_wal").resolve(file.getFileName().toString()));
            }
        }
    }

    /** The server deletes temporary and statistics files at any time; one gone since the listing is not needed. */
    private static void copyIfStillThere(Path file, Path copy) throws IOException {
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException deletedMeanwhile) {
            // nothing to copy
        }
    }

    private static long size(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
