package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Load balancers and orchestrators ask, without a login, whether the application lives and is ready for work. */
@ReturnsIntegrationTest
class HealthProbesTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theApplicationIsLive() {
        ResponseEntity<Map> liveness = http.getForEntity("/actuator/health/liveness", Map.class);

        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liveness.getBody()).containsEntry("status", "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void itIsReadyWhenTheDatabaseAnswersAndTheJobExecutorRuns() {
        ResponseEntity<Map> readiness = http.getForEntity("/actuator/health/readiness", Map.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).containsEntry("status", "UP");
        Map<String, Map<String, Object>> checks = (Map<String, Map<String, Object>>) readiness.getBody()
                .get("components");
        assertThat(checks).containsOnlyKeys("readinessState", "db", "jobExecutor");
        assertThat(checks.values()).allSatisfy(check -> assertThat(check).isEqualTo(Map.of("status", "UP")));
    }

    @Test
    void theOverallHealthShowsNoDetailsToAnonymousCallers() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"", "\"jobExecutor\"").doesNotContain("details",
                "PostgreSQL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoNamesTheBuild() {
        ResponseEntity<Map> info = http.getForEntity("/actuator/info", Map.class);

        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) info.getBody().get("build")).containsEntry("artifact", "open-returns")
                .containsKey("version");
    }
}
