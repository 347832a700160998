package org.openreturns.benchmark;

import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.OpenReturnsApplication;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.reconciliation.ReconciliationService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loads stock moves through the ledger's own write path ({@link StockLedger#record(List)}, batches of
 * moves per transaction, 2,000 unless {@code -Dbatch=N}) into a fresh, durable embedded PostgreSQL, then runs a full
 * reconciliation, and prints both figures. Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dexec.args="1000000 20000"</pre>
 * Arguments: number of moves (default 1,000,000), number of SKUs (default 20,000).
 */
public final class LedgerBenchmark {

    private static final int BATCH = Integer.getInteger("batch", 2000);
    /** Writers in parallel, each on its own SKUs, as several channels and warehouses would write. */
    private static final int WRITERS = 2;
    private static final List<LocationType> FLOW = List.of(LocationType.SELLABLE, LocationType.RETURNS_RECEIVING,
            LocationType.QUARANTINE, LocationType.REFURBISHMENT, LocationType.LIQUIDATION);

    private final DSLContext db;
    private final StockLedger ledger;
    private final Map<String, Map<LocationType, Long>> warehouses = new HashMap<>();
    /** What the generator knows each place holds, so that it only asks for moves the ledger can make. */
    private final Map<String, int[]> held = new java.util.concurrent.ConcurrentHashMap<>();

    private LedgerBenchmark(DSLContext db, StockLedger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public static void main(String[] args) {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        // -Ddatabase=<directory> with 0 moves reconciles a database loaded before, without loading again.
        String dataDirectory = System.getProperty("database", "target/benchmark-db/" + UUID.randomUUID());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenReturnsApplication.class)
                .run("--server.port=0", "--returns.embedded-postgres.data-directory=" + dataDirectory,
                        "--returns.identity.demo-users=false", "--returns.demo-data=false",
                        "--operaton.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                        "--returns.embedded-postgres.durable=" + System.getProperty("durable", "true"))) {
            LedgerBenchmark benchmark = new LedgerBenchmark(app.getBean(DSLContext.class), app.getBean(StockLedger.class));
            long loadNanos = 0;
            if (moves > 0) {
                benchmark.createMasterData(skus);
                loadNanos = benchmark.load(moves, skus);
            }
            ReconciliationService reconciliation = app.getBean(ReconciliationService.class);
            long reconcileStart = System.nanoTime();
            ReconciliationService.RunSummary run = reconciliation.run("benchmark");
            long reconcileNanos = System.nanoTime() - reconcileStart;

            double seconds = loadNanos / 1e9;
            System.out.printf("%nLedger benchmark: %,d moves over %,d SKUs and %d warehouses, batches of %d%n",
                    moves, skus, benchmark.warehouses.size(), BATCH);
            if (moves > 0) {
                System.out.printf("  ingestion:      %,.0f moves/s (%.1f s)%n", moves / seconds, seconds);
            }
            System.out.printf("  reconciliation: %,d ms for a full run, %d breaks%n",
                    Duration.ofNanos(reconcileNanos).toMillis(), run.breaksFound());
            run.millisByCheck().forEach((check, millis) -> System.out.printf("    %-40s %,6d ms%n", check, millis));
            System.out.printf("  database:       %s (embedded PostgreSQL, fsync on)%n", dataDirectory);
        }
    }

    private void createMasterData(int skus) {
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(SUPPLIER).set(SUPPLIER.CODE, "BENCH").set(SUPPLIER.NAME, "Benchmark supplier")
                .set(SUPPLIER.CREATED_AT, now).execute();
        for (String code : List.of("BENCH-BER", "BENCH-WAW")) {
            db.insertInto(WAREHOUSE).set(WAREHOUSE.CODE, code).set(WAREHOUSE.NAME, code).set(WAREHOUSE.COUNTRY, "DE")
                    .set(WAREHOUSE.CREATED_AT, now).execute();
            Map<LocationType, Long> locations = new EnumMap<>(LocationType.class);
            for (LocationType type : LocationType.values()) {
                locations.put(type, db.insertInto(LOCATION).set(LOCATION.WAREHOUSE_CODE, code)
                        .set(LOCATION.TYPE, type.name()).returning(LOCATION.ID).fetchOne(LOCATION.ID));
            }
            warehouses.put(code, locations);
        }
        for (int from = 0; from < skus; from += BATCH) {
            var insert = db.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.SUPPLIER_CODE,
                    PRODUCT.CURRENCY, PRODUCT.UNIT_COST_MINOR, PRODUCT.PRICE_MINOR, PRODUCT.CREATED_AT,
                    PRODUCT.UPDATED_AT);
            for (int i = from; i < Math.min(skus, from + BATCH); i++) {
                insert = insert.values(sku(i), "Product " + i, "bench", "BENCH", "EUR", 1000L + i % 500, 2500L, now, now);
            }
            insert.execute();
        }
    }

    private long load(int moves, int skus) {
        List<String> codes = new ArrayList<>(warehouses.keySet());
        List<Thread> writers = new ArrayList<>();
        long start = System.nanoTime();
        for (int writer = 0; writer < WRITERS; writer++) {
            int first = writer;
            Random random = new Random(42 + writer);
            Thread thread = new Thread(() -> {
                List<StockMoveRequest> batch = new ArrayList<>(BATCH);
                for (int n = first; n < moves; n += WRITERS) {
                    String warehouse = codes.get(random.nextInt(codes.size()));
                    int sku = random.nextInt(skus / WRITERS) * WRITERS + first;
                    batch.add(nextMove(n, sku(sku), warehouse, random));
                    if (batch.size() == BATCH) {
                        ledger.record(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    ledger.record(batch);
                }
            }, "writer-" + writer);
            writers.add(thread);
            thread.start();
        }
        for (Thread thread : writers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return System.nanoTime() - start;
    }

    /** A plausible day in a warehouse: deliveries, sales, returns arriving, inspected, restocked or written off. */
    private StockMoveRequest nextMove(int n, String sku, String warehouse, Random random) {
        int[] quantities = held.computeIfAbsent(sku + "@" + warehouse, key -> new int[FLOW.size()]);
        Map<LocationType, Long> places = warehouses.get(warehouse);
        int roll = random.nextInt(100);
        if (roll < 45 && quantities[0] > 0) {
            quantities[0]--;
            return move(n, sku, places.get(LocationType.SELLABLE), places.get(LocationType.CUSTOMER),
                    MoveReason.SALE_SHIPMENT, null);
        }
        if (roll < 60) {
            quantities[1]++;
            return move(n, sku, places.get(LocationType.CUSTOMER), places.get(LocationType.RETURNS_RECEIVING),
                    MoveReason.RETURN_RECEIPT, 1000L);
        }
        if (roll < 70 && quantities[1] > 0) {
            quantities[1]--;
            quantities[2]++;
            return move(n, sku, places.get(LocationType.RETURNS_RECEIVING), places.get(LocationType.QUARANTINE),
                    MoveReason.QUARANTINE, null);
        }
        if (roll < 80 && quantities[2] > 0) {
            quantities[2]--;
            int destination = random.nextInt(4);
            if (destination < 2) {
                quantities[0]++;
                return move(n, sku, places.get(LocationType.QUARANTINE), places.get(LocationType.SELLABLE),
                        MoveReason.RESTOCK, null);
            }
            if (destination == 2) {
                quantities[3]++;
                return move(n, sku, places.get(LocationType.QUARANTINE), places.get(LocationType.REFURBISHMENT),
                        MoveReason.REFURBISH, null);
            }
            return move(n, sku, places.get(LocationType.QUARANTINE), places.get(LocationType.SCRAPPED),
                    MoveReason.SCRAP, null);
        }
        quantities[0] += 3;
        return StockMoveRequest.purchaseReceipt("bench-" + n, sku, null, 3, places.get(LocationType.SELLABLE), 900L,
                "PO-" + n / 1000, "benchmark");
    }

    private static StockMoveRequest move(int n, String sku, Long from, Long to, MoveReason reason, Long unitCost) {
        StockMoveRequest move = StockMoveRequest.move("bench-" + n, sku, null, 1, from, to, reason,
                Reference.adjustment("bench"), "benchmark");
        return unitCost == null ? move : move.atUnitCost(unitCost);
    }

    private static String sku(int i) {
        return "BENCH-%05d".formatted(i);
    }
}
