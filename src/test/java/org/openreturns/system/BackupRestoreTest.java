package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;
import static org.openreturns.db.Tables.RETURN_REQUEST;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

/**
 * A backup taken while the application runs, copied into an empty data folder, starts as a PostgreSQL that holds
 * every return the application had when the backup was taken: the restore of docs/operations.md.
 */
@ReturnsIntegrationTest
class BackupRestoreTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    DSLContext db;

    @Test
    void aBackupRestoredIntoAnEmptyDataFolderHoldsEveryReturn() throws Exception {
        ApiClient api = new ApiClient(http);
        api.catalogue("TSHIRT-BLK-M");
        for (int i = 0; i < 3; i++) {
            String orderId = newOrderId();
            api.post("support1", "/api/orders", order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90")));
            api.post("support1", "/api/returns", Map.of("orderId", orderId,
                    "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reasonCode", "SIZE_TOO_SMALL"))));
        }
        Set<UUID> returnsBeforeTheBackup = new HashSet<>(db.select(RETURN_REQUEST.ID).from(RETURN_REQUEST)
                .fetch(RETURN_REQUEST.ID));

        ResponseEntity<Map<String, Object>> backup = api.post("admin", "/api/backups", null);

        assertThat(backup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(backup.getBody()).containsEntry("takenBy", "admin").containsKeys("endOfWal", "bytes");
        Path restored = Files.createTempDirectory(Path.of("target"), "restored-data-");
        try {
            // The restore of docs/operations.md: copy the backup folder into an empty data folder and start on it.
            FileSystemUtils.copyRecursively(Path.of((String) backup.getBody().get("folder")), restored);
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(restored)
                    .setCleanDataDirectory(false).start()) {
                assertThat(returnIds(postgres)).containsAll(returnsBeforeTheBackup);
            }
        } finally {
            FileSystemUtils.deleteRecursively(restored);
        }
    }

    @Test
    void onlyAdministratorsTakeBackups() {
        ResponseEntity<Map<String, Object>> refused = new ApiClient(http).post("support1", "/api/backups", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static List<UUID> returnIds(EmbeddedPostgres postgres) throws SQLException, IOException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select id from return_request")) {
            while (rows.next()) {
                ids.add(rows.getObject("id", UUID.class));
            }
        }
        return ids;
    }
}
