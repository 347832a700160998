package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node started with the engine's job executor switched off (one that serves the API next to nodes that run the
 * jobs) starts, and is ready once its database answers: readiness asks for the job executor only where there is one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "operaton.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
class NodeWithoutJobExecutorHealthTest {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void isReadyWithoutAJobExecutor() {
        ResponseEntity<Map> readiness = http.getForEntity("/actuator/health/readiness", Map.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) readiness.getBody().get("components"))
                .containsOnlyKeys("readinessState", "db");
    }
}
