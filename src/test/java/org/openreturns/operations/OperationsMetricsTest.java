package org.openreturns.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.db.Tables.RECONCILIATION_BREAK;
import static org.openreturns.db.Tables.SLA_ESCALATION;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.orders.OrderService;
import org.openreturns.reconciliation.ReconciliationService;
import org.openreturns.refunds.HoldRequest;
import org.openreturns.refunds.RefundFixtures;
import org.openreturns.refunds.RefundFixtures.Line;
import org.openreturns.refunds.RefundService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /actuator/prometheus} shows the figures of seeded returns, refunds, breaks, escalations and an incident,
 * and the API's latency. The class has a database of its own (the property below), so the figures are exactly what
 * it seeded; tests export no metrics unless asked to (the annotation).
 */
@ReturnsIntegrationTest
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "returns.test.database=operations-metrics")
class OperationsMetricsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    RefundService refunds;
    @Autowired
    ReconciliationService reconciliation;
    @Autowired
    RuntimeService runtimeService;

    String instanceWithIncident;

    @BeforeEach
    void startAProcessWithAnIncident() {
        instanceWithIncident = runtimeService.startProcessInstanceByKey("reconciliation-break",
                Map.of("breakId", "0")).getId();
        runtimeService.createIncident("metrics-test", instanceWithIncident, "an incident for the figures");
    }

    @AfterEach
    void removeIt() {
        runtimeService.deleteProcessInstance(instanceWithIncident, "metrics test");
    }

    @Test
    void theScrapeShowsTheSeededFigures() {
        RefundFixtures fixtures = new RefundFixtures(db, orders);
        Line first = fixtures.returnedLine("59.90");
        Line second = fixtures.returnedLine("20.10");
        refunds.hold(HoldRequest.full(RefundFixtures.key(), first.returnId(), 1), "system");
        refunds.hold(HoldRequest.full(RefundFixtures.key(), second.returnId(), 1), "system");
        db.insertInto(SLA_ESCALATION).set(SLA_ESCALATION.RETURN_ID, first.returnId())
                .set(SLA_ESCALATION.STAGE, "INSPECTION").set(SLA_ESCALATION.ESCALATED_AT, OffsetDateTime.now())
                .execute();
        // Received lines without their receipt moves: the run opens a break for each.
        reconciliation.run("inventory1");
        int openReceiptBreaks = db.fetchCount(RECONCILIATION_BREAK, RECONCILIATION_BREAK.STATUS.eq("OPEN")
                .and(RECONCILIATION_BREAK.CHECK_TYPE.eq("RECEIPT_MOVE_MISSING")));
        assertThat(openReceiptBreaks).isPositive();
        assertThat(http.withBasicAuth("manager1", "demo").getForEntity("/api/returns/" + first.returnId(),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String scrape = scrape("manager1").getBody();
            assertThat(value(scrape, "returns_by_status", "status", "RECEIVED")).contains(2.0);
            assertThat(value(scrape, "returns_by_status", "status", "CLOSED")).contains(0.0);
            // The fixtures' returns entered RECEIVED on 2026-11-20.
            assertThat(value(scrape, "returns_oldest_in_status_seconds", "status", "RECEIVED").orElseThrow())
                    .isGreaterThan(Duration.ofDays(1).toSeconds());
            assertThat(value(scrape, "returns_sla_escalations_total", "stage", "INSPECTION")).contains(1.0);
            assertThat(value(scrape, "returns_sla_escalations_total", "stage", "REVIEW")).contains(0.0);
            assertThat(value(scrape, "returns_refunds_unreleased", "status", "HELD", "currency", "EUR"))
                    .contains(2.0);
            assertThat(value(scrape, "returns_refunds_unreleased_value", "status", "HELD", "currency", "EUR"))
                    .contains(80.0);
            assertThat(value(scrape, "returns_reconciliation_breaks_open", "check", "RECEIPT_MOVE_MISSING"))
                    .contains((double) openReceiptBreaks);
            assertThat(value(scrape, "returns_engine_incidents")).contains(1.0);
            assertThat(value(scrape, "returns_engine_jobs_failing")).contains(0.0);
            assertThat(value(scrape, "http_server_requests_seconds_count", "uri", "/api/returns/{returnId}",
                    "status", "200").orElseThrow()).isGreaterThanOrEqualTo(1.0);
        });
    }

    @Test
    void theFiguresAreForManagersAndOperations() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(scrape("support1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scrape("manager1").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape("admin").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> scrape(String user) {
        return http.withBasicAuth(user, "demo").getForEntity("/actuator/prometheus", String.class);
    }

    /** The value of the sample with this name and these labels (name, value, name, value, ...) in the scrape. */
    private static Optional<Double> value(String scrape, String name, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                })
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
