package org.openreturns.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * When every database connection stays busy longer than the pool's connection timeout, an API request is answered
 * 503 with Retry-After, telling the client to come back, instead of a 500 after half a minute; once connections are
 * free again, the same request succeeds.
 */
@ReturnsIntegrationTest
@TestPropertySource(properties = "returns.embedded-postgres.connection-timeout=PT1S")
class DatabaseBusyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DataSource dataSource;

    @Test
    void aRequestFindingEveryConnectionBusyIsAskedToComeBackLater() throws SQLException {
        ApiClient api = new ApiClient(http);
        api.catalogue("BUSY-1");
        assertThat(api.get("support1", "/api/products/BUSY-1").getStatusCode()).isEqualTo(HttpStatus.OK);

        List<Connection> held = new ArrayList<>();
        try {
            while (true) {
                held.add(dataSource.getConnection());
            }
        } catch (SQLTransientConnectionException poolExhausted) {
            ResponseEntity<Map<String, Object>> busy = api.get("support1", "/api/products/BUSY-1");

            assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(busy.getBody()).containsEntry("title", "Too busy");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(api.get("support1", "/api/products/BUSY-1").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
