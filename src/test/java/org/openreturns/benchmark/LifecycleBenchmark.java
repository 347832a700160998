package org.openreturns.benchmark;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.OpenReturnsApplication;
import org.operaton.bpm.engine.DecisionService;
import org.openreturns.claims.SupplierClaims;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.quality.InspectionFindings;
import org.openreturns.quality.InspectionService;
import org.openreturns.receiving.ParcelScan;
import org.openreturns.receiving.ReceiptService;
import org.openreturns.receiving.ReturnReceipts;
import org.openreturns.refurbishment.RefurbishmentQueue;
import org.openreturns.replacements.ReplacementOrders;
import org.openreturns.resolution.ResolutionPlanner;
import org.openreturns.resolution.Resolutions;
import org.openreturns.returns.ReturnAuthorizations;
import org.openreturns.returns.EligibilityService;
import org.openreturns.returns.ReturnRequest;
import org.openreturns.returns.ReturnService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;

/**
 * Drives complete returns (request, authorization, parcel scan, inspection, resolution, closure) and prints
 * completed returns per second and the p50/p99 lifecycle latency without the time a person would take, twice: through
 * the HTTP API and the real BPMN on the embedded engine (the inspection completed through the task API), and the same
 * service calls made directly, one transaction per step, with no engine. Each variant gets a fresh durable embedded
 * PostgreSQL. Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.openreturns.benchmark.LifecycleBenchmark -Dexec.args="2000 8"</pre>
 * Arguments: number of returns (default 2,000), concurrent clients (default 8); {@code -Dsettings="--name=value ..."}
 * runs both variants with other application settings.
 */
public final class LifecycleBenchmark {

    private static final String WAREHOUSE = "BENCH-WH";
    /** Returns spread over many SKUs, as a catalogue's are: one SKU would make every return wait for its balance. */
    private static final int SKUS = 200;
    private static final long POLL_MILLIS = Long.getLong("benchmark.poll", 100);

    public static void main(String[] args) throws Exception {
        int returns = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Result direct = runDirect(returns, clients);
        Result engine = runEngine(returns, clients);
        System.out.printf("%nLifecycle benchmark: %,d returns, %d concurrent clients, durable embedded PostgreSQL%n",
                returns, clients);
        System.out.println(engine.describe("engine (HTTP API + BPMN)"));
        System.out.println(direct.describe("direct (services only)"));
        System.out.printf("  engine overhead: %.2fx the direct time per return (throughput ratio %.2fx, processor time"
                        + " ratio %.2fx)%n", engine.p50() / direct.p50(), direct.perSecond() / engine.perSecond(),
                engine.processorMillisPerReturn() / direct.processorMillisPerReturn());
        System.out.println("  direct variant, mean time per step:");
        int measured = returns + Math.min(50, returns);
        STEP_NANOS.forEach((step, nanos) -> System.out.printf("    %-24s %6.1f ms%n", step,
                nanos.sum() / 1e6 / measured));
        System.exit(0);
    }

    record Result(int returns, double seconds, List<Double> latenciesMillis, ProcessorTime.Sample processorTime) {

        double perSecond() {
            return returns / seconds;
        }

        double processorMillisPerReturn() {
            return (processorTime.java().toNanos() + processorTime.postgres().toNanos()) / 1e6 / returns;
        }

        double p50() {
            return percentile(0.50);
        }

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        String describe(String name) {
            return String.format("  %-26s %7.1f returns/s, latency p50 %6.1f ms, p99 %6.1f ms (%.1f s);"
                            + " processor time per return %.1f ms (Java %.1f, PostgreSQL %.1f)", name, perSecond(), p50(),
                    percentile(0.99), seconds, processorMillisPerReturn(),
                    processorTime.java().toNanos() / 1e6 / returns, processorTime.postgres().toNanos() / 1e6 / returns);
        }
    }

    // --- through the engine

    private static Result runEngine(int returns, int clients) throws Exception {
        Path database = newDataDirectory();
        try (ConfigurableApplicationContext app = start(false, database)) {
            Api api = createMasterData(app);
            return measure(returns, clients, new ProcessorTime(database),
                    i -> engineLifecycle(api, app.getBean(OrderService.class)));
        }
    }

    /**
     * One return through the API; answers the milliseconds the system took, not the people. Each phase starts when
     * the client sends its request and ends at the server's own time stamp (the timeline's AUTHORIZED and CLOSED, the
     * inspection task's creation), so the clients can poll slowly and leave the server to the work it measures.
     */
    private static double engineLifecycle(Api api, OrderService orders) throws Exception {
        String sku = randomSku();
        String orderId = order(orders, sku);
        Instant requested = Instant.now();
        Map<?, ?> created = api.post("support1", "/api/returns", Map.of("orderId", orderId,
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reasonCode", "SIZE_TOO_SMALL",
                        "declaredCondition", "UNOPENED"))));
        String returnId = (String) created.get("returnId");
        Map<?, ?> authorized = api.awaitReturn(returnId, details -> "AUTHORIZED".equals(details.get("status")));
        // The parcel arrives days later: that wait is the customer's, not the system's.
        Instant scanned = Instant.now();
        api.post("warehouse1", "/api/receipts", Map.of("warehouse", WAREHOUSE, "rmaNumber", created.get("rmaNumber"),
                "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        Map<?, ?> withTask = api.awaitReturn(returnId, details -> !((List<?>) details.get("openTasks")).isEmpty());
        Map<?, ?> task = (Map<?, ?>) ((List<?>) withTask.get("openTasks")).get(0);
        Instant inspected = Instant.now();
        api.post("quality1", "/api/tasks/" + task.get("id") + "/complete", Map.of("grade", "A", "skuMatches", true,
                "serialMatches", false, "packagingOk", true, "functional", true, "reasonConfirmed", true));
        Map<?, ?> closed = api.awaitReturn(returnId, details -> "CLOSED".equals(details.get("status")));
        return (millisBetween(requested, timelineAt(authorized, "AUTHORIZED"))
                + millisBetween(scanned, Instant.parse((String) task.get("createdAt")))
                + millisBetween(inspected, timelineAt(closed, "CLOSED")));
    }

    /** When the return's timeline recorded this event. */
    private static Instant timelineAt(Map<?, ?> details, String type) {
        return ((List<?>) details.get("timeline")).stream().map(entry -> (Map<?, ?>) entry)
                .filter(entry -> type.equals(entry.get("type"))).map(entry -> entry.get("at"))
                .map(at -> OffsetDateTime.parse((String) at).toInstant()).reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("No " + type + " on the timeline: " + details));
    }

    private static double millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    // --- the same work without the engine

    /**
     * The process runtime of the direct variant: nothing runs the model, the benchmark calls each step itself. A test
     * configuration, so that component scanning of the test classpath never picks it up.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoProcessRuntime {
        @Bean
        @Primary
        ProcessRuntime directCalls() {
            return new ProcessRuntime() {
                @Override
                public void startProcess(String processId, String businessKey, Map<String, Object> variables) {
                }

                @Override
                public void sendMessage(String messageName, String correlationKey, String messageId,
                                        Map<String, Object> variables) {
                }
            };
        }
    }

    /** What the model's business rule task does per line, done here with the engine's decision service. */
    private static List<Map<String, Object>> decided(ConfigurableApplicationContext app, String decisionId,
                                                     List<Map<String, Object>> inputs) {
        DecisionService decisions = app.getBean(DecisionService.class);
        return inputs.stream().<Map<String, Object>>map(line -> new LinkedHashMap<>(decisions
                .evaluateDecisionByKey(decisionId).variables(line).evaluate().getSingleResult().getEntryMap()))
                .toList();
    }

    private static Result runDirect(int returns, int clients) throws Exception {
        Path database = newDataDirectory();
        try (ConfigurableApplicationContext app = start(true, database)) {
            createMasterData(app);
            return measure(returns, clients, new ProcessorTime(database), i -> directLifecycle(app));
        }
    }

    private static double directLifecycle(ConfigurableApplicationContext app) {
        String sku = randomSku();
        String orderId = order(app.getBean(OrderService.class), sku);
        long start = System.nanoTime();
        ReturnService.RequestedReturn requested = timed("request", () -> app.getBean(ReturnService.class).request(
                new ReturnRequest(orderId, "WEB", List.of(new ReturnRequest.Line(1, 1,
                        org.openreturns.returns.ReasonCode.SIZE_TOO_SMALL,
                        org.openreturns.returns.DeclaredCondition.UNOPENED)), null, null, null), "support1"));
        UUID returnId = requested.returnId();
        timed("check eligibility", () -> {
            EligibilityService eligibility = app.getBean(EligibilityService.class);
            List<Map<String, Object>> inputs = eligibility.decisionInputs(returnId);
            return eligibility.apply(returnId, inputs, decided(app, "eligibility", inputs));
        });
        timed("authorize", () -> {
            app.getBean(ReturnAuthorizations.class).authorize(returnId, null, null);
            return null;
        });
        ReceiptService.Receipt receipt = timed("scan parcel", () -> app.getBean(ReceiptService.class).receive(
                new ParcelScan(null, WAREHOUSE, requested.rmaNumber(), null, List.of(new ParcelScan.Item(sku, null, 1, null))),
                "warehouse1"));
        timed("receive into quarantine", () -> app.getBean(ReturnReceipts.class).book(returnId, receipt.receiptId()));
        timed("record inspection", () -> app.getBean(InspectionService.class).record(returnId, 1,
                new InspectionFindings("A", true, null, true, true, true, null, null, List.of(), "quality1")));
        timed("decide", () -> {
            ResolutionPlanner planner = app.getBean(ResolutionPlanner.class);
            List<Map<String, Object>> inputs = planner.decisionInputs(returnId);
            return planner.plan(returnId, inputs, decided(app, "disposition", inputs));
        });
        timed("move stock", () -> {
            app.getBean(Resolutions.class).moveStock(returnId);
            return null;
        });
        timed("release refunds", () -> {
            app.getBean(Resolutions.class).releaseRefunds(returnId, ReturnService.SYSTEM_ACTOR);
            return null;
        });
        timed("replacement orders", () -> {
            app.getBean(ReplacementOrders.class).createForReturn(returnId, ReturnService.SYSTEM_ACTOR);
            return null;
        });
        timed("supplier claims", () -> {
            app.getBean(SupplierClaims.class).openForReturn(returnId);
            return null;
        });
        timed("refurbishment", () -> {
            app.getBean(RefurbishmentQueue.class).enqueueForReturn(returnId);
            return null;
        });
        timed("close", () -> {
            app.getBean(Resolutions.class).close(returnId);
            return null;
        });
        return (System.nanoTime() - start) / 1e6;
    }

    private static final Map<String, java.util.concurrent.atomic.LongAdder> STEP_NANOS =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Adds the step's time to its total, to print where the time of the direct variant goes. */
    private static <T> T timed(String step, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            STEP_NANOS.computeIfAbsent(step, name -> new java.util.concurrent.atomic.LongAdder())
                    .add(System.nanoTime() - start);
        }
    }

    // --- shared

    interface Lifecycle {
        double run(int index) throws Exception;
    }

    /**
     * Runs a warm-up of 50 returns one after the other, then the measured returns with the clients in parallel. The
     * processor time counts the application, PostgreSQL and the clients in this JVM (their share is small).
     */
    private static Result measure(int returns, int clients, ProcessorTime processorTime, Lifecycle lifecycle)
            throws Exception {
        for (int i = 0; i < Math.min(50, returns); i++) {
            lifecycle.run(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Double>> runs = new ArrayList<>();
        ProcessorTime.Sample processorAtStart = processorTime.now();
        long start = System.nanoTime();
        for (int i = 0; i < returns; i++) {
            int index = i;
            runs.add(pool.submit(() -> lifecycle.run(index)));
        }
        List<Double> latencies = new ArrayList<>();
        for (Future<Double> run : runs) {
            latencies.add(run.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessorTime.Sample used = processorTime.now().minus(processorAtStart);
        pool.shutdown();
        return new Result(returns, seconds, latencies, used);
    }

    private static Path newDataDirectory() {
        return Path.of("target/benchmark-db", UUID.randomUUID().toString()).toAbsolutePath();
    }

    private static ConfigurableApplicationContext start(boolean direct, Path database) {
        List<Class<?>> sources = new ArrayList<>(List.of(OpenReturnsApplication.class));
        if (direct) {
            sources.add(NoProcessRuntime.class);
        }
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--returns.embedded-postgres.data-directory=" + database,
                "--returns.identity.demo-users=true", "--returns.demo-data=false", "--logging.level.root=WARN",
                "--operaton.bpm.job-execution.enabled=" + !direct,
                "--returns.embedded-postgres.durable=" + System.getProperty("durable", "true")));
        // -Dsettings="--operaton.bpm.history-level=audit ..." tries other settings in the same code.
        arguments.addAll(List.of(System.getProperty("settings", "").split(" ")).stream()
                .filter(setting -> !setting.isBlank()).toList());
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(arguments.toArray(String[]::new));
    }

    private static Api createMasterData(ConfigurableApplicationContext app) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Api api = new Api(port, app.getBean(ObjectMapper.class));
        api.post("admin", "/api/suppliers", Map.of("code", "BENCH", "name", "Benchmark supplier",
                "email", "bench@example.com"));
        api.post("admin", "/api/warehouses", Map.of("code", WAREHOUSE, "name", "Benchmark warehouse", "country", "DE"));
        for (int i = 0; i < SKUS; i++) {
            api.post("admin", "/api/products", Map.of("sku", "BENCH-" + i, "name", "Benchmark T-shirt " + i,
                    "category", "t-shirts", "supplier", "BENCH", "currency", "EUR", "unitCost", new BigDecimal("6.40"),
                    "price", new BigDecimal("19.90")));
        }
        return api;
    }

    private static String randomSku() {
        return "BENCH-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(SKUS);
    }

    private static String order(OrderService orders, String sku) {
        String orderId = "BENCH-" + UUID.randomUUID();
        OffsetDateTime delivered = OffsetDateTime.now().minusDays(3);
        orders.ingest(new OrderIngestion(orderId, "WEB", new OrderIngestion.Customer("C-" + orderId,
                "bench@example.com", org.openreturns.orders.CustomerTier.STANDARD, null), delivered.minusDays(2), delivered, "EUR", WAREHOUSE,
                List.of(new OrderIngestion.Line(1, sku, 1, new BigDecimal("19.90"), List.of())), null, null), "benchmark");
        return orderId;
    }

    /** The HTTP API as the demo users call it. */
    private record Api(int port, ObjectMapper json, HttpClient http) {

        Api(int port, ObjectMapper json) {
            this(port, json, HttpClient.newHttpClient());
        }

        Map<?, ?> post(String user, String path, Object body) throws Exception {
            HttpResponse<String> response = http.send(request(user, path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? Map.of() : json.readValue(response.body(), Map.class);
        }

        /**
         * Polls every {@code benchmark.poll} milliseconds (default 100): the latency comes from the server's time
         * stamps, so waiting clients need not poll fast and load the server they measure.
         */
        Map<?, ?> awaitReturn(String returnId, Predicate<Map<?, ?>> condition) throws Exception {
            long deadline = System.nanoTime() + 60_000_000_000L;
            long pause = POLL_MILLIS;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> response = http.send(request("support1", "/api/returns/" + returnId).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                Map<?, ?> details = json.readValue(response.body(), Map.class);
                if (condition.test(details)) {
                    return details;
                }
                Thread.sleep(pause);
            }
            throw new IllegalStateException("Return " + returnId + " did not get there within a minute");
        }

        private HttpRequest.Builder request(String user, String path) {
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + credentials);
        }
    }
}
