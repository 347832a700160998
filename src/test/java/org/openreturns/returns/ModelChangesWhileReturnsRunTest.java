package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An analyst changes the models on disk while the application runs, on a copy of {@code bpmn/} and {@code forms/}:
 * the next return is decided by the changed table and runs on the changed process, the return already running
 * finishes on the version it started on, and a broken file changes nothing and is reported in {@code GET /api/models}.
 */
@ReturnsIntegrationTest
class ModelChangesWhileReturnsRunTest {

    /** Under target/, so that {@code mvn clean} removes it; the application watches it as long as it runs. */
    private static final Path MODELS = Path.of("target", "model-changes-" + UUID.randomUUID());
    private static final Path ELIGIBILITY = MODELS.resolve("bpmn/eligibility.dmn");
    private static final Path RETURN_PROCESS = MODELS.resolve("bpmn/return-process.bpmn");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void modelsFromACopyOfTheProjectFolders(DynamicPropertyRegistry properties) throws IOException {
        if (!Files.exists(MODELS)) {
            copy(Path.of("bpmn"), MODELS.resolve("bpmn"));
            copy(Path.of("forms"), MODELS.resolve("forms"));
        }
        properties.add("returns.models.bpmn-dir", () -> MODELS.resolve("bpmn").toString());
        properties.add("returns.models.forms-dir", () -> MODELS.resolve("forms").toString());
        properties.add("returns.models.watch-interval", () -> "PT0.2S");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ProcessClock processClock;

    LifecycleDriver driver;
    HistoryService history;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
        history = processEngine.getHistoryService();
    }

    @Test
    void aChangedDecisionTableDecidesTheNextReturnWhileTheRunningOneFinishesOnItsVersion() throws IOException {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        Map<String, Object> deployed = awaitModels("DEPLOYED");
        int eligibilityVersion = version(deployed, "decision", "eligibility");
        int processVersion = version(deployed, "process", "return-process");
        int dispositionVersion = version(deployed, "decision", "disposition");
        assertThat(sourceFiles(deployed)).contains(Map.of("file", "bpmn/eligibility.dmn",
                "folder", MODELS.resolve("bpmn").toAbsolutePath().normalize().toString()));

        // Delivered 20 days ago: inside the 30-day window, so authorized, and on its way back.
        String running = requestReturn(tshirt);
        driver.awaitStatus(running, "AUTHORIZED");
        String runningDefinition = definitionOf(running);

        // The analyst shortens the window to 10 days and renames the inspection task, as saved by Camunda Modeler.
        edit(ELIGIBILITY, Map.of("<text>&gt; 30</text>", "<text>&gt; 10</text>",
                "The 30-day return window has passed", "The 10-day return window has passed"));
        edit(RETURN_PROCESS, Map.of("name=\"Inspect line\"", "name=\"Inspect the returned line\""));

        Map<String, Object> changed = await().atMost(PATIENCE).until(() -> models(),
                report -> "DEPLOYED".equals(report.get("state"))
                        && version(report, "decision", "eligibility") == eligibilityVersion + 1);
        assertThat(version(changed, "process", "return-process")).isEqualTo(processVersion + 1);
        assertThat(version(changed, "decision", "disposition")).as("an unchanged file keeps its version")
                .isEqualTo(dispositionVersion);
        assertThat(lastDeployment(changed).get("changedFiles"))
                .isEqualTo(List.of("bpmn/eligibility.dmn", "bpmn/return-process.bpmn"));

        // The next return, delivered just as long ago, is outside the new window.
        String next = requestReturn(tshirt);
        Map<String, Object> rejected = driver.awaitStatus(next, "REJECTED");
        assertThat(rejected.toString()).contains("The 10-day return window has passed");
        assertThat(versionOfDefinition(definitionOf(next))).isEqualTo(processVersion + 1);

        // The running return goes on, and ends, on the version it started on.
        Map<String, Object> requested = driver.details(running);
        assertThat(driver.scan((String) requested.get("rmaNumber"), item(tshirt, null, 1)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        driver.completed("quality1", driver.awaitTask("quality", running, "InspectReturn"),
                inspection("A", true, true));
        driver.awaitStatus(running, "CLOSED");
        assertThat(definitionOf(running)).isEqualTo(runningDefinition);
        assertThat(versionOfDefinition(runningDefinition)).isEqualTo(processVersion);

        // A file saved half-written (or broken otherwise) is refused, and the new rule keeps deciding.
        String valid = Files.readString(ELIGIBILITY, StandardCharsets.UTF_8);
        Files.writeString(ELIGIBILITY, valid.substring(0, valid.indexOf("</decisionTable>")),
                StandardCharsets.UTF_8);
        Map<String, Object> refused = awaitModels("REFUSED");
        assertThat(version(refused, "decision", "eligibility")).isEqualTo(eligibilityVersion + 1);
        assertThat(lastError(refused).get("changedFiles")).isEqualTo(List.of("bpmn/eligibility.dmn"));
        assertThat(problems(lastError(refused))).singleElement().satisfies(problem -> {
            assertThat(problem.get("file")).isEqualTo("bpmn/eligibility.dmn");
            assertThat((String) problem.get("message")).startsWith("cannot be read as XML");
        });
        assertThat(lastError(refused).get("at")).isNotNull();
        String whileBroken = requestReturn(tshirt);
        assertThat(driver.awaitStatus(whileBroken, "REJECTED").toString())
                .contains("The 10-day return window has passed");

        // So is a model the application cannot run: a job type no step handler executes.
        Files.writeString(ELIGIBILITY, valid, StandardCharsets.UTF_8);
        edit(RETURN_PROCESS, Map.of("type=\"close-return\"", "type=\"close-the-return\""));
        Map<String, Object> unknownType = await().atMost(PATIENCE).until(() -> models(),
                report -> "REFUSED".equals(report.get("state"))
                        && problems(lastError(report)).get(0).get("file").equals("bpmn/return-process.bpmn"));
        assertThat(lastError(unknownType).get("changedFiles")).isEqualTo(List.of("bpmn/return-process.bpmn"));
        assertThat(problems(lastError(unknownType))).singleElement().satisfies(problem -> {
            assertThat(problem.get("file")).isEqualTo("bpmn/return-process.bpmn");
            assertThat((String) problem.get("message")).contains("'close-the-return'", "no step handler");
        });
        assertThat(version(unknownType, "process", "return-process")).isEqualTo(processVersion + 1);

        // Corrected, the files are again what runs: nothing new is deployed.
        edit(RETURN_PROCESS, Map.of("type=\"close-the-return\"", "type=\"close-return\""));
        Map<String, Object> corrected = awaitModels("DEPLOYED");
        assertThat(lastDeployment(corrected)).isEqualTo(lastDeployment(changed));
        assertThat(version(corrected, "process", "return-process")).isEqualTo(processVersion + 1);
        assertThat(version(corrected, "decision", "eligibility")).isEqualTo(eligibilityVersion + 1);
    }

    @Test
    void theModelsReportIsForManagersAndAdministrators() {
        assertThat(driver.api.get("manager1", "/api/models").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(driver.api.get("admin", "/api/models").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(driver.api.get("quality1", "/api/models").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A return of one T-shirt of a standard customer's order delivered 20 days ago; answers its id. */
    private String requestReturn(String sku) {
        String orderId = ApiClient.newOrderId();
        OffsetDateTime delivered = OffsetDateTime.now().minusDays(20);
        ResponseEntity<Map<String, Object>> order = driver.api.post("support1", "/api/orders", Map.of(
                "id", orderId, "channel", "WEB",
                "customer", Map.of("id", "C-" + orderId, "email", ApiClient.emailOf("C-" + orderId), "tier", "STANDARD"),
                "placedAt", delivered.minusDays(3).toString(), "deliveredAt", delivered.toString(),
                "currency", "EUR", "warehouse", driver.warehouse,
                "lines", List.of(Map.of("lineNo", 1, "sku", sku, "quantity", 1,
                        "unitPrice", new BigDecimal("19.90")))));
        assertThat(order.getStatusCode()).as(String.valueOf(order.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"))
                .get("returnId");
    }

    private String definitionOf(String returnId) {
        return history.createHistoricProcessInstanceQuery().variableValueEquals(ReturnProcess.RETURN_ID, returnId)
                .singleResult().getProcessDefinitionId();
    }

    private int versionOfDefinition(String definitionId) {
        return processEngine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
    }

    private Map<String, Object> models() {
        ResponseEntity<Map<String, Object>> response = driver.api.get("manager1", "/api/models");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> awaitModels(String state) {
        return await().atMost(PATIENCE).until(this::models, report -> state.equals(report.get("state")));
    }

    @SuppressWarnings("unchecked")
    private static int version(Map<String, Object> report, String kind, String id) {
        return ((List<Map<String, Object>>) report.get("deployed")).stream()
                .filter(model -> kind.equals(model.get("kind")) && id.equals(model.get("id")))
                .map(model -> (Integer) model.get("version"))
                .findFirst().orElseThrow(() -> new AssertionError("no deployed " + kind + " " + id + " in " + report));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sourceFiles(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("files");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastDeployment(Map<String, Object> report) {
        return (Map<String, Object>) report.get("lastDeployment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastError(Map<String, Object> report) {
        return (Map<String, Object>) report.get("lastError");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Map<String, Object> lastError) {
        return (List<Map<String, Object>>) lastError.get("problems");
    }

    /** Replaces each text with its replacement and saves the file once, as Camunda Modeler saves it. */
    private static void edit(Path file, Map<String, String> replacements) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertThat(content).as("%s before the edit", file).contains(replacement.getKey());
            content = content.replace(replacement.getKey(), replacement.getValue());
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, to.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
