package org.openreturns.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.OpenReturnsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A steady load for a long time, to see whether latency or memory creep up: complete returns started at a fixed rate
 * (order, request, authorization, parcel scan, inspection through the task API, closure), each with a fixed mix of API
 * reads (the return while it is polled, the product, the stock, the inspection queue). Every minute it prints, per
 * endpoint, the number of calls and latency p50/p99; the heap after the last garbage collection; the resident memory
 * of this JVM (application and clients) and of the embedded PostgreSQL; the database size and its largest tables.
 * Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.openreturns.benchmark.SoakBenchmark -Dexec.args="5 30"</pre>
 * Arguments: returns started per second (default 5), minutes at that rate (default 30), minutes of ramp before them
 * (default 3). The ramp starts at a tenth of the rate and rises evenly: a JVM that has just started spends about twice
 * the processor time per return for its first two or three minutes (compiling the hot code), and an open-loop load at
 * full rate from the first second would measure that backlog instead of the steady state. The ramp's minutes are
 * printed and marked, and the targets apply to the minutes after it.
 */
public final class SoakBenchmark {

    private static final String WAREHOUSE = "SOAK-WH";
    private static final int SKUS = 200;
    /**
     * A client polls a return first after 250 ms, then half as long again each time up to every 2 s, as API clients
     * back off: with a fixed interval, every second a stall adds multiplies the reads of every return in flight, and
     * the benchmark measures its own poll storm instead of the application.
     */
    private static final long FIRST_POLL_MILLIS = 250;
    private static final long MAX_POLL_MILLIS = 2_000;

    /** Latencies of the minute in progress, per endpoint (method and path template). */
    private static final Map<String, ConcurrentLinkedQueue<Double>> LATENCIES = new ConcurrentHashMap<>();
    /** Not an endpoint: the time from the order to the closed return, as one client saw it. */
    private static final String LIFECYCLE = "(lifecycle, order to closed)";
    private static final AtomicInteger COMPLETED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> FAILURES = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        double perSecond = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rampMinutes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path database = Path.of("target/benchmark-db", UUID.randomUUID().toString()).toAbsolutePath();
        try (ConfigurableApplicationContext app = start(database)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api(port, app.getBean(ObjectMapper.class), HttpClient.newHttpClient());
            createMasterData(api);
            DSLContext db = app.getBean(DSLContext.class);
            System.out.printf("Soak: %.1f returns/s for %d minutes after a ramp of %d minutes, durable embedded"
                    + " PostgreSQL in %s%n", perSecond, minutes, rampMinutes, database);

            ExecutorService clients = Executors.newCachedThreadPool();
            Thread pace = new Thread(() -> startReturns(clients, api, perSecond, rampMinutes), "soak-pace");
            pace.setDaemon(true);
            pace.start();
            ProcessorTime processorTime = new ProcessorTime(database);
            ProcessorTime.Sample lastSample = processorTime.now();
            int lastCompleted = 0;
            for (int minute = 1; minute <= rampMinutes + minutes; minute++) {
                Thread.sleep(60_000);
                ProcessorTime.Sample sample = processorTime.now();
                int completed = COMPLETED.get();
                printProcessorTime(sample.minus(lastSample), completed - lastCompleted);
                lastSample = sample;
                lastCompleted = completed;
                try {
                    report(minute <= rampMinutes ? minute + " (ramp)" : String.valueOf(minute), db, database);
                } catch (RuntimeException overloaded) {
                    // An overloaded application may not lend the report a connection in time; the run goes on.
                    System.out.printf("%n-- minute %d: no report (%s)%n", minute, overloaded.getMessage());
                }
            }
            pace.interrupt();
            clients.shutdown();
            clients.awaitTermination(2, TimeUnit.MINUTES);
            System.out.printf("Done: %d returns closed, %d failed%n", COMPLETED.get(), FAILED.get());
            FAILURES.stream().limit(10).forEach(failure -> System.out.println("  " + failure));
        }
        System.exit(0);
    }

    /**
     * Starts a return every 1/rate seconds (open loop: whether or not the earlier ones are done), the rate rising
     * evenly from a tenth of the target during the ramp.
     */
    private static void startReturns(ExecutorService clients, Api api, double perSecond, int rampMinutes) {
        long start = System.nanoTime();
        long rampNanos = TimeUnit.MINUTES.toNanos(rampMinutes);
        long next = start;
        while (!Thread.currentThread().isInterrupted()) {
            long elapsed = next - start;
            double rate = elapsed >= rampNanos ? perSecond
                    : perSecond * Math.max(0.1, (double) elapsed / rampNanos);
            next += Math.round(1e9 / rate);
            long wait = next - System.nanoTime();
            try {
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException stopped) {
                return;
            }
            clients.submit(() -> lifecycle(api));
        }
    }

    /** One return from order to closure, with the reads a desk makes around it. */
    private static void lifecycle(Api api) {
        long start = System.nanoTime();
        try {
            String sku = "SOAK-" + ThreadLocalRandom.current().nextInt(SKUS);
            String orderId = "SOAK-" + UUID.randomUUID();
            OffsetDateTime delivered = OffsetDateTime.now().minusDays(3);
            api.send("POST /api/orders", "support1", "/api/orders", Map.of("id", orderId, "channel", "WEB",
                    "customer", Map.of("id", "C-" + orderId, "email", "c-" + orderId.toLowerCase() + "@example.com",
                            "tier", "STANDARD"),
                    "placedAt", delivered.minusDays(2).toString(), "deliveredAt", delivered.toString(),
                    "currency", "EUR", "warehouse", WAREHOUSE, "lines", List.of(Map.of("lineNo", 1, "sku", sku,
                            "quantity", 1, "unitPrice", new BigDecimal("19.90")))));
            api.send("GET /api/products/{sku}", "support1", "/api/products/" + sku, null);
            Map<?, ?> created = api.send("POST /api/returns", "support1", "/api/returns", Map.of("orderId", orderId,
                    "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reasonCode", "SIZE_TOO_SMALL",
                            "declaredCondition", "UNOPENED"))));
            String returnId = (String) created.get("returnId");
            api.awaitReturn(returnId, details -> "AUTHORIZED".equals(details.get("status")));
            api.send("POST /api/receipts", "warehouse1", "/api/receipts", Map.of("warehouse", WAREHOUSE,
                    "rmaNumber", created.get("rmaNumber"), "lines", List.of(Map.of("sku", sku, "quantity", 1))));
            Map<?, ?> withTask = api.awaitReturn(returnId,
                    details -> !((List<?>) details.get("openTasks")).isEmpty());
            api.sendForList("GET /api/tasks?group=quality", "quality1", "/api/tasks?group=quality");
            Map<?, ?> task = (Map<?, ?>) ((List<?>) withTask.get("openTasks")).get(0);
            api.send("POST /api/tasks/{id}/complete", "quality1", "/api/tasks/" + task.get("id") + "/complete",
                    Map.of("grade", "A", "skuMatches", true, "serialMatches", false, "packagingOk", true,
                            "functional", true, "reasonConfirmed", true));
            api.awaitReturn(returnId, details -> "CLOSED".equals(details.get("status")));
            api.send("GET /api/inventory/{sku}", "inventory1", "/api/inventory/" + sku, null);
            LATENCIES.computeIfAbsent(LIFECYCLE, name -> new ConcurrentLinkedQueue<>())
                    .add((System.nanoTime() - start) / 1e6);
            COMPLETED.incrementAndGet();
        } catch (Exception failure) {
            FAILED.incrementAndGet();
            if (FAILURES.size() < 100) {
                FAILURES.add(failure.toString());
            }
        }
    }

    private static void report(String minute, DSLContext db, Path database) throws Exception {
        Map<String, List<Double>> minuteLatencies = new java.util.TreeMap<>();
        LATENCIES.forEach((endpoint, queue) -> {
            List<Double> taken = new ArrayList<>();
            for (Double latency = queue.poll(); latency != null; latency = queue.poll()) {
                taken.add(latency);
            }
            minuteLatencies.put(endpoint, taken);
        });
        long heapAfterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
        long databaseBytes = db.fetchValue(DSL.field("pg_database_size(current_database())", Long.class));
        List<String> largest = db.fetch("""
                select c.relname, pg_total_relation_size(c.oid) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname = 'public' order by 2 desc limit 5""")
                .map(table -> table.get(0, String.class) + " " + (table.get(1, Long.class) >> 20) + " MB");
        System.out.printf("%n-- minute %s: %d closed, %d failed so far; heap after GC %d MB; RSS JVM %d MB, PostgreSQL"
                        + " %d MB; database %d MB%n", minute, COMPLETED.get(), FAILED.get(), heapAfterGc >> 20,
                residentKb(ProcessHandle.current()) >> 10, postgresResidentKb(database) >> 10, databaseBytes >> 20);
        minuteLatencies.forEach((endpoint, latencies) -> {
            Collections.sort(latencies);
            if (!latencies.isEmpty()) {
                System.out.printf("   %-34s %6d calls  p50 %7.1f ms  p99 %7.1f ms%n", endpoint, latencies.size(),
                        percentile(latencies, 0.50), percentile(latencies, 0.99));
            }
        });
        System.out.println("   largest tables: " + largest);
    }

    /**
     * The processor time of the last minute per return closed in it: the JVM (application and the benchmark's clients)
     * and PostgreSQL. Two cores give 2,000 ms a second, so 5 returns/s can spend at most 400 ms per return in all.
     */
    private static void printProcessorTime(ProcessorTime.Sample used, int closed) {
        System.out.printf("%n   processor time this minute: JVM %.1f s, PostgreSQL %.1f s; per return closed: %s%n",
                used.java().toMillis() / 1000.0, used.postgres().toMillis() / 1000.0, closed == 0 ? "-"
                        : String.format("JVM %d ms + PostgreSQL %d ms = %d ms", used.java().toMillis() / closed,
                        used.postgres().toMillis() / closed,
                        (used.java().toMillis() + used.postgres().toMillis()) / closed));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Resident set size in kB from /proc (Linux). */
    private static long residentKb(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (Exception gone) {
            return 0;
        }
    }

    /** The server serving this data directory and its backends; shared buffers are counted in each, so this is high. */
    private static long postgresResidentKb(Path database) {
        String directory = database.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(arguments -> Stream.of(arguments)
                        .anyMatch(argument -> argument.contains(directory))).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .mapToLong(SoakBenchmark::residentKb).sum();
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(OpenReturnsApplication.class).run("--server.port=0",
                "--returns.embedded-postgres.data-directory=" + database, "--returns.identity.demo-users=true",
                "--returns.demo-data=false", "--logging.level.root=WARN");
    }

    private static void createMasterData(Api api) throws Exception {
        api.send("POST /api/suppliers", "admin", "/api/suppliers", Map.of("code", "SOAK", "name", "Soak supplier",
                "email", "soak@example.com"));
        api.send("POST /api/warehouses", "admin", "/api/warehouses", Map.of("code", WAREHOUSE,
                "name", "Soak warehouse", "country", "DE"));
        for (int i = 0; i < SKUS; i++) {
            api.send("POST /api/products", "admin", "/api/products", Map.of("sku", "SOAK-" + i,
                    "name", "Soak T-shirt " + i, "category", "t-shirts", "supplier", "SOAK", "currency", "EUR",
                    "unitCost", new BigDecimal("6.40"), "price", new BigDecimal("19.90")));
        }
        LATENCIES.clear();
    }

    /** The HTTP API as the demo users call it, timing every call under its endpoint's name. */
    private record Api(int port, ObjectMapper json, HttpClient http) {

        Map<?, ?> send(String endpoint, String user, String path, Object body) throws Exception {
            String text = call(endpoint, user, path, body);
            return text.isEmpty() ? Map.of() : json.readValue(text, Map.class);
        }

        List<?> sendForList(String endpoint, String user, String path) throws Exception {
            return json.readValue(call(endpoint, user, path, null), List.class);
        }

        private String call(String endpoint, String user, String path, Object body) throws Exception {
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + credentials);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            LATENCIES.computeIfAbsent(endpoint, name -> new ConcurrentLinkedQueue<>())
                    .add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(endpoint + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }

        Map<?, ?> awaitReturn(String returnId, Predicate<Map<?, ?>> condition) throws Exception {
            long deadline = System.nanoTime() + 120_000_000_000L;
            long pause = FIRST_POLL_MILLIS;
            while (System.nanoTime() < deadline) {
                Map<?, ?> details = send("GET /api/returns/{id}", "support1", "/api/returns/" + returnId, null);
                if (condition.test(details)) {
                    return details;
                }
                Thread.sleep(pause);
                pause = Math.min(MAX_POLL_MILLIS, pause * 3 / 2);
            }
            throw new IllegalStateException("Return " + returnId + " did not get there within two minutes");
        }
    }
}
