package org.openreturns.benchmark;

import static org.openreturns.db.Tables.AVAILABILITY_OUTBOX;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SALES_CHANNEL;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.jooq.DSLContext;
import org.openreturns.OpenReturnsApplication;
import org.openreturns.availability.AvailabilityDelivery;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The availability outbox: what publishing costs the ledger's write path, and how fast the worker delivers. Buys
 * stock of fresh SKUs through {@link StockLedger#record(List)} in batches of 2,000, first with no channel taking
 * figures, then with two (each move then also writes two outbox rows); then one delivery worker, on this thread, sends
 * the outbox (SKUs x 2 figures) to a tiny in-process HTTP server answering 200 (its threads' processor time is shown
 * apart), and prints figures per second and the processor
 * time per figure (this JVM, the in-process channel included, plus PostgreSQL). Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.openreturns.benchmark.OutboxBenchmark
 *     -Dexec.args="10000"</pre>
 * Argument: SKUs (default 10,000). {@code -Dbatch-size=N} sets the worker's batch (default 50).
 */
public final class OutboxBenchmark {

    private static final int LEDGER_BATCH = 2000;
    private static final int WARM_UP = 2000;
    private static final List<String> CHANNELS = List.of("BENCH_A", "BENCH_B");

    private final DSLContext db;
    private final StockLedger ledger;
    private long sellable;

    private OutboxBenchmark(DSLContext db, StockLedger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public static void main(String[] args) throws IOException {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String dataDirectory = "target/benchmark-db/" + UUID.randomUUID();
        AtomicLong received = new AtomicLong();
        // The channel's threads, to tell their processor time from the worker's.
        List<Thread> channelThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService serverThreads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "channel");
            channelThreads.add(thread);
            return thread;
        });
        HttpServer channel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        channel.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        channel.setExecutor(serverThreads);
        channel.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenReturnsApplication.class)
                .run("--server.port=0", "--returns.embedded-postgres.data-directory=" + dataDirectory,
                        "--returns.identity.demo-users=false", "--returns.demo-data=false",
                        "--operaton.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                        // The benchmark runs the worker itself, on this thread, to time it.
                        "--returns.availability.delivery.enabled=false",
                        "--returns.availability.delivery.batch-size=" + System.getProperty("batch-size", "50"))) {
            OutboxBenchmark benchmark = new OutboxBenchmark(app.getBean(DSLContext.class), app.getBean(StockLedger.class));
            benchmark.createMasterData(skus * 2 + WARM_UP * 2);
            String url = "http://127.0.0.1:" + channel.getAddress().getPort() + "/availability";
            AvailabilityDelivery delivery = app.getBean(AvailabilityDelivery.class);

            // Each path is run once before it is measured, so that the figures are not the JIT compiler's.
            benchmark.purchase(0, WARM_UP);
            double withoutChannels = benchmark.purchase(WARM_UP, skus);
            benchmark.channelsTakeFiguresAt(url);
            benchmark.purchase(WARM_UP + skus, WARM_UP);
            delivery.deliverDue();
            received.set(0);
            double withChannels = benchmark.purchase(WARM_UP * 2 + skus, skus);
            int pending = benchmark.db.fetchCount(AVAILABILITY_OUTBOX, AVAILABILITY_OUTBOX.PENDING_SINCE.isNotNull());

            ProcessorTime processorTime = new ProcessorTime(Path.of(dataDirectory));
            ProcessorTime.Sample before = processorTime.now();
            long channelBefore = cpuNanos(channelThreads);
            long start = System.nanoTime();
            int delivered = delivery.deliverDue();
            double seconds = (System.nanoTime() - start) / 1e9;
            ProcessorTime.Sample used = processorTime.now().minus(before);
            long channelNanos = cpuNanos(channelThreads) - channelBefore;

            System.out.printf("%nOutbox benchmark: %,d SKUs, %d channels, worker batch %s%n", skus, CHANNELS.size(),
                    System.getProperty("batch-size", "50"));
            System.out.printf("  ledger, no channel taking figures: %,.0f moves/s%n", skus / withoutChannels);
            System.out.printf("  ledger, %d channels taking figures: %,.0f moves/s (%,d figures written)%n",
                    CHANNELS.size(), skus / withChannels, pending);
            System.out.printf("  delivery: %,d figures in %.1f s: %,.0f figures/s; received %,d%n", delivered, seconds,
                    delivered / seconds, received.get());
            System.out.printf("  processor time per figure: %.3f ms (JVM %.3f ms, of which the in-process channel %.3f ms; "
                            + "PostgreSQL %.3f ms)%n",
                    (used.java().toNanos() + used.postgres().toNanos()) / 1e6 / delivered,
                    used.java().toNanos() / 1e6 / delivered, channelNanos / 1e6 / delivered,
                    used.postgres().toNanos() / 1e6 / delivered);
            System.out.printf("  still pending: %,d%n",
                    benchmark.db.fetchCount(AVAILABILITY_OUTBOX, AVAILABILITY_OUTBOX.PENDING_SINCE.isNotNull()));
        } finally {
            channel.stop(0);
            serverThreads.shutdownNow();
        }
    }

    /** Processor time of the threads, and of the channel server's dispatcher thread. */
    private static long cpuNanos(List<Thread> threads) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threads.contains(thread) || thread.getName().startsWith("HTTP-Dispatcher")) {
                nanos += Math.max(0, bean.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos;
    }

    private void createMasterData(int skus) {
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(SUPPLIER).set(SUPPLIER.CODE, "BENCH").set(SUPPLIER.NAME, "Benchmark supplier")
                .set(SUPPLIER.CREATED_AT, now).execute();
        db.insertInto(WAREHOUSE).set(WAREHOUSE.CODE, "BENCH-BER").set(WAREHOUSE.NAME, "Benchmark")
                .set(WAREHOUSE.COUNTRY, "DE").set(WAREHOUSE.CREATED_AT, now).execute();
        for (LocationType type : LocationType.values()) {
            long id = db.insertInto(LOCATION).set(LOCATION.WAREHOUSE_CODE, "BENCH-BER").set(LOCATION.TYPE, type.name())
                    .returning(LOCATION.ID).fetchOne(LOCATION.ID);
            if (type == LocationType.SELLABLE) {
                sellable = id;
            }
        }
        for (int from = 0; from < skus; from += LEDGER_BATCH) {
            var insert = db.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.SUPPLIER_CODE,
                    PRODUCT.CURRENCY, PRODUCT.UNIT_COST_MINOR, PRODUCT.PRICE_MINOR, PRODUCT.CREATED_AT,
                    PRODUCT.UPDATED_AT);
            for (int i = from; i < Math.min(skus, from + LEDGER_BATCH); i++) {
                insert = insert.values(sku(i), "Product " + i, "bench", "BENCH", "EUR", 1000L, 2500L, now, now);
            }
            insert.execute();
        }
    }

    private void channelsTakeFiguresAt(String url) {
        OffsetDateTime now = OffsetDateTime.now();
        for (String code : CHANNELS) {
            db.insertInto(SALES_CHANNEL).set(SALES_CHANNEL.CODE, code).set(SALES_CHANNEL.NAME, code)
                    .set(SALES_CHANNEL.AVAILABILITY_URL, url + "/" + code).set(SALES_CHANNEL.CREATED_AT, now)
                    .execute();
        }
    }

    /** Buys 5 units of each of {@code count} SKUs from the {@code first}, in batches; answers the seconds it took. */
    private double purchase(int first, int count) {
        long start = System.nanoTime();
        List<StockMoveRequest> batch = new ArrayList<>(LEDGER_BATCH);
        for (int i = first; i < first + count; i++) {
            batch.add(StockMoveRequest.purchaseReceipt("bench-" + i, sku(i), null, 5, sellable, 900L, "PO-BENCH",
                    "benchmark"));
            if (batch.size() == LEDGER_BATCH || i == first + count - 1) {
                ledger.record(batch);
                batch.clear();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String sku(int i) {
        return "BENCH-%06d".formatted(i);
    }
}
