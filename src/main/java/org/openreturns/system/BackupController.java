package org.openreturns.system;

import java.io.IOException;
import java.sql.SQLException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations take a consistent backup of the embedded database while the application runs (docs/operations.md). */
@RestController
class BackupController {

    private final ObjectProvider<EmbeddedBackups> backups;

    BackupController(ObjectProvider<EmbeddedBackups> backups) {
        this.backups = backups;
    }

    @PostMapping("/api/backups")
    @ResponseStatus(HttpStatus.CREATED)
    EmbeddedBackups.Backup backup(Authentication caller) throws IOException, SQLException {
        EmbeddedBackups embedded = backups.getIfAvailable();
        if (embedded == null) {
            throw new ConflictException("This application uses an external PostgreSQL: back it up with that "
                    + "server's own tools (pg_basebackup and WAL archiving, see docs/operations.md)");
        }
        return embedded.backup(Actor.of(caller).userId());
    }
}
