package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/**
 * Variables for Camunda 8 are written with the application's ObjectMapper, as Spring Boot configures it here
 * ({@code non_null} inclusion, java.time support), except that null values are kept: they clear a variable.
 */
@JsonTest
class VariablesJsonTest {

    @Autowired
    ObjectMapper applicationMapper;

    @Test
    void nullValuesAreKeptThoughTheApplicationsMapperLeavesThemOut() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("escalatedTo", null);
        variables.put("escalatedAt", Instant.parse("2026-11-26T10:00:00Z"));

        String written = new VariablesJson(applicationMapper).write(variables);

        assertThat(applicationMapper.writeValueAsString(variables)).doesNotContain("escalatedTo");
        assertThat(applicationMapper.readTree(written).has("escalatedTo")).isTrue();
        assertThat(applicationMapper.readTree(written).get("escalatedTo").isNull()).isTrue();
        assertThat(applicationMapper.readTree(written).get("escalatedAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
    }
}
