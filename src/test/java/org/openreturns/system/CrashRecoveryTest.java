package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openreturns.ApiClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Crash safety, tested as an operator would meet it: the application runs as a process of its own on the embedded
 * defaults, with returns in every stage and steps running, and is killed the hard way — first its JVM, then its
 * PostgreSQL under it. Started again on the same data, it finishes every return: the returns whose steps were
 * running finish within 30 seconds of the restart, each reaches closure, nothing is recorded twice (stock moves,
 * journal entries, refunds, credit notes, payouts, notifications) and reconciliation finds no break.
 *
 * <p>The second test goes on with the data and the application of the first (one start fewer: each takes 20 to 90
 * seconds on a busy machine). Tagged {@code process-level}: {@code -DexcludedGroups=process-level} leaves them out.
 */
@Tag("process-level")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    /** The promise: what was running when the application died runs again this soon after it is back. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String[] SKUS = {"TSHIRT-BLK-M", "JEANS-SLIM-IND-32", "CAP-NAVY", "SCARF-WOOL-GRY",
            "SNEAK-WHT-42"};
    private static final Map<String, String> PRICES = Map.of("TSHIRT-BLK-M", "19.90", "JEANS-SLIM-IND-32", "79.00",
            "CAP-NAVY", "15.00", "SCARF-WOOL-GRY", "39.00", "SNEAK-WHT-42", "109.00");

    private final Path folder = Path.of("target/crash-recovery/" + UUID.randomUUID());
    private final List<Return> allReturns = new ArrayList<>();
    private ApplicationProcess application;
    private ApiClient api;
    private int made;

    record Return(String id, String rma, String sku) {
    }

    @BeforeAll
    void startTheApplication() throws Exception {
        application = new ApplicationProcess(folder.resolve("postgres"), folder);
        application.start("1-first-start");
        api = application.api();
    }

    @AfterAll
    void stopTheApplication() throws Exception {
        if (application != null) {
            application.stop();
        }
    }

    @Test
    @Order(1)
    void aKilledApplicationFinishesEveryReturnAfterItsRestartAndDoublesNothing() throws Exception {
        List<Return> inReview = new ArrayList<>();
        List<Return> awaitingParcel = new ArrayList<>();
        List<Return> awaitingInspection = new ArrayList<>();
        List<Return> resolving = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inReview.add(requested("CHANGED_MIND", "DAMAGED"));
            awaitingParcel.add(requested("SIZE_TOO_SMALL", "UNOPENED"));
            awaitingInspection.add(requested("SIZE_TOO_SMALL", "UNOPENED"));
        }
        for (int i = 0; i < 12; i++) {
            resolving.add(requested("SIZE_TOO_LARGE", "OPENED"));
        }
        inReview.forEach(r -> awaitStatus(r, "PENDING_REVIEW", PATIENCE));
        for (Return r : concat(awaitingParcel, awaitingInspection, resolving)) {
            awaitStatus(r, "AUTHORIZED", PATIENCE);
        }
        for (Return r : concat(awaitingInspection, resolving)) {
            scanned(r);
        }
        Map<Return, String> inspections = inspectionTasks(resolving);

        // The inspections done at once start each return's resolution, faster than the job executor works them
        // off; requests arriving meanwhile start their eligibility steps. The JVM dies among them.
        completeAtOnce(inspections);
        List<Return> justRequested = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            justRequested.add(requested("SIZE_TOO_SMALL", "UNOPENED"));
        }
        application.kill();

        int lockedAtKill = lockedJobsOnceTheKilledSessionsEnded();
        assertThat(lockedAtKill).as("steps were running when the application died").isPositive();
        Instant ready = application.start("2-after-kill");
        assertThat(application.log()).contains("Took back " + lockedAtKill + " jobs that this node");

        resolving.forEach(r -> awaitStatus(r, "CLOSED", remainingOf(ready)));
        justRequested.forEach(r -> awaitStatus(r, "AUTHORIZED", remainingOf(ready)));
        System.out.printf("After the kill: %d locked steps; the %d returns with steps running were done %d ms after"
                + " the restart%n", lockedAtKill, resolving.size() + justRequested.size(),
                Duration.between(ready, Instant.now()).toMillis());

        for (Return r : inReview) {
            completed("support1", task("support", r, "ReviewReturn"), Map.of("approved", true,
                    "decisionReason", "Looks fine"));
            awaitStatus(r, "AUTHORIZED", PATIENCE);
        }
        for (Return r : concat(inReview, awaitingParcel, justRequested)) {
            scanned(r);
        }
        inspectionTasks(concat(inReview, awaitingParcel, awaitingInspection, justRequested))
                .forEach((r, task) -> completed("quality1", task, inspection()));
        allReturns.forEach(r -> awaitStatus(r, "CLOSED", PATIENCE));

        assertEveryReturnRecordedItsResolutionOnce();
        assertReconciliationFindsNoBreak();
    }

    @Test
    @Order(2)
    void anApplicationWhosePostgresIsKilledStopsSayingWhatToDoAndFinishesEveryReturnAfterItsRestart()
            throws Exception {
        List<Return> resolving = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            resolving.add(requested("SIZE_TOO_SMALL", "OPENED"));
        }
        for (Return r : resolving) {
            awaitStatus(r, "AUTHORIZED", PATIENCE);
            scanned(r);
        }
        Map<Return, String> inspections = inspectionTasks(resolving);

        completeAtOnce(inspections);
        int lockedAtKill = lockedJobs();
        application.postgresServer().destroyForcibly();

        assertThat(lockedAtKill).as("steps were running when PostgreSQL died").isPositive();
        assertThat(application.awaitExit(PATIENCE)).isEqualTo(EmbeddedPostgresWatch.EXIT_CODE);
        assertThat(application.log()).contains("The embedded PostgreSQL", "stopped while the application was running",
                "Start it again on the same data");
        Instant ready = application.start("3-after-postgres-kill");

        resolving.forEach(r -> awaitStatus(r, "CLOSED", remainingOf(ready)));
        System.out.printf("After the PostgreSQL kill: the %d returns being resolved were done %d ms after the"
                + " restart%n", resolving.size(), Duration.between(ready, Instant.now()).toMillis());
        assertEveryReturnRecordedItsResolutionOnce();
        assertReconciliationFindsNoBreak();
    }

    /** A one-line web order of a demo product delivered five days ago, and a return of its line. */
    private Return requested(String reason, String condition) {
        String sku = SKUS[made++ % SKUS.length];
        String orderId = newOrderId();
        assertThat(api.post("support1", "/api/orders", order(orderId, line(1, sku, 1, PRICES.get(sku))))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> response = api.post("support1", "/api/returns", Map.of("orderId", orderId,
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reasonCode", reason,
                        "declaredCondition", condition))));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        Return requested = new Return((String) response.getBody().get("returnId"),
                (String) response.getBody().get("rmaNumber"), sku);
        allReturns.add(requested);
        return requested;
    }

    private void scanned(Return r) {
        ResponseEntity<Map<String, Object>> receipt = api.post("warehouse1", "/api/receipts", Map.of(
                "warehouse", "WH-BER", "rmaNumber", r.rma(), "lines", List.of(Map.of("sku", r.sku(), "quantity", 1))));
        assertThat(receipt.getStatusCode()).as(String.valueOf(receipt.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    /** Like new: restocked, refunded in full, no approval needed. */
    private static Map<String, Object> inspection() {
        return Map.of("grade", "A", "skuMatches", true, "serialMatches", false, "packagingOk", true,
                "functional", true, "reasonConfirmed", true, "notes", "as new");
    }

    private Map<Return, String> inspectionTasks(List<Return> returns) {
        Map<Return, String> tasks = new HashMap<>();
        for (Return r : returns) {
            tasks.put(r, task("quality", r, "InspectReturn"));
        }
        return tasks;
    }

    private String task(String group, Return r, String elementId) {
        String user = Map.of("support", "support1", "quality", "quality1").get(group);
        return await().atMost(PATIENCE).until(() -> api.getList(user, "/api/tasks?group=" + group).getBody().stream()
                .filter(task -> elementId.equals(task.get("elementId")))
                .filter(task -> r.id().equals(((Map<?, ?>) task.get("context")).get("returnId")))
                .map(task -> (String) task.get("id")).findFirst().orElse(null), Objects::nonNull);
    }

    private void completed(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<Map<String, Object>> response = api.post(user, "/api/tasks/" + taskId + "/complete", variables);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Completes the inspection tasks as four inspectors at once would. */
    private void completeAtOnce(Map<Return, String> inspections) throws InterruptedException, ExecutionException {
        ExecutorService inspectors = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> completions = new ArrayList<>();
            inspections.values().forEach(task -> completions.add(inspectors.submit(
                    () -> completed("quality1", task, inspection()))));
            for (Future<?> completion : completions) {
                completion.get();
            }
        } finally {
            inspectors.shutdown();
        }
    }

    private void awaitStatus(Return r, String status, Duration patience) {
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(
                    () -> api.get("support1", "/api/returns/" + r.id()).getBody().get("status"), status::equals);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Return " + r.id() + " did not reach " + status + " within " + patience
                    + "; it is " + api.get("support1", "/api/returns/" + r.id()).getBody().get("status"), e);
        }
    }

    private static Duration remainingOf(Instant ready) {
        Duration left = RESUMED_WITHIN.minus(Duration.between(ready, Instant.now()));
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    @SafeVarargs
    private static List<Return> concat(List<Return>... lists) {
        List<Return> all = new ArrayList<>();
        for (List<Return> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** Jobs that a job executor had locked; read while the killed application's PostgreSQL still runs. */
    /**
     * The jobs locked once PostgreSQL has ended the killed application's sessions: a commit it had sent when it died
     * still completes (and may finish a locked job), so the count is final only then.
     */
    private int lockedJobsOnceTheKilledSessionsEnded() throws SQLException {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection db = application.database();
                 ResultSet result = db.createStatement().executeQuery("select count(*) from pg_stat_activity"
                         + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
                result.next();
                return result.getInt(1) == 0;
            }
        });
        return lockedJobs();
    }

    private int lockedJobs() throws SQLException {
        try (Connection db = application.database();
             ResultSet result = db.createStatement().executeQuery(
                     "select count(*) from act_ru_job where lock_owner_ is not null")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** What a return recorded, by kind: the reasons of its stock moves and journal entries, and so on. */
    record Recorded(List<String> stockMoves, List<String> journalEntries, List<String> refunds, int creditNotes,
                    int payouts, List<String> notifications) {
    }

    /**
     * Every return took the same path (one unit, inspected as new, restocked, refunded in full), so each must have
     * recorded the same things, each once: anything done twice by a step that ran again would show as a difference.
     */
    private void assertEveryReturnRecordedItsResolutionOnce() throws SQLException {
        Map<String, Recorded> recordedByReturn = new TreeMap<>();
        try (Connection db = application.database()) {
            for (Return r : allReturns) {
                recordedByReturn.put(r.id(), recorded(db, r.id()));
            }
        }
        assertThat(new HashSet<>(recordedByReturn.values())).as("what each return recorded: %s", recordedByReturn)
                .hasSize(1);
        Recorded recorded = recordedByReturn.values().iterator().next();
        assertThat(recorded.stockMoves()).containsExactly("QUARANTINE", "RESTOCK", "RETURN_RECEIPT");
        assertThat(recorded.journalEntries()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(recorded.refunds()).containsExactly("FULL RELEASED");
        assertThat(recorded.creditNotes()).isEqualTo(1);
        assertThat(recorded.payouts()).isEqualTo(1);
        assertThat(recorded.notifications()).containsExactly("RETURN_AUTHORIZED", "RETURN_CLOSED");
    }

    private static Recorded recorded(Connection db, String returnId) throws SQLException {
        return new Recorded(
                list(db, "select reason from stock_move where reference_type = 'RETURN' and reference_id = ?"
                        + " order by reason", returnId),
                list(db, "select reason from journal_entry where return_id = ?::uuid order by reason", returnId),
                list(db, "select decision || ' ' || status from refund where return_id = ?::uuid", returnId),
                count(db, "select count(*) from credit_note join refund on refund.id = credit_note.refund_id"
                        + " where refund.return_id = ?::uuid", returnId),
                count(db, "select count(*) from offline_payout join refund on refund.id = offline_payout.refund_id"
                        + " where refund.return_id = ?::uuid", returnId),
                list(db, "select type from customer_notification where return_id = ?::uuid order by type", returnId));
    }

    private static List<String> list(Connection db, String sql, String returnId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, returnId);
            List<String> values = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }

    private static int count(Connection db, String sql, String returnId) throws SQLException {
        return Integer.parseInt(list(db, sql, returnId).get(0));
    }

    private void assertReconciliationFindsNoBreak() {
        ResponseEntity<Map<String, Object>> run = api.post("inventory1", "/api/reconciliation/runs", Map.of());
        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(run.getBody()).as("reconciliation after the crash").containsEntry("breaksFound", 0);
    }
}
