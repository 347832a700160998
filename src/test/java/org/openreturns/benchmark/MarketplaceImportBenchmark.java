package org.openreturns.benchmark;

import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SALES_CHANNEL;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.OpenReturnsApplication;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports a generated MARKETPLACE_A order report through {@code POST /api/channels/MARKETPLACE_A/order-reports}, as
 * inventory control would: orders of one to three items of 2,000 SKUs, nine in ten shipped (each shipment moves stock
 * and posts cost of goods sold), one in twenty cancelled, the rest still open (reserving stock). Both marketplaces take
 * available-to-sell figures (their delivery worker is off, so the figures stay in the outbox), as in production. Prints
 * orders per second and the processor time per order (this JVM, which also sends the file, plus PostgreSQL). Run with:
 * <pre>mvn -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.openreturns.benchmark.MarketplaceImportBenchmark
 *     -Dexec.args="100000"</pre>
 * Argument: orders (default 100,000). A warm-up report of 2,000 orders is imported first.
 */
public final class MarketplaceImportBenchmark {

    private static final int SKUS = 2000;
    private static final int WARM_UP = 2000;
    private static final String WAREHOUSE_CODE = "BENCH-BER";

    public static void main(String[] args) throws IOException, InterruptedException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String dataDirectory = "target/benchmark-db/" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenReturnsApplication.class)
                .run("--server.port=0", "--returns.embedded-postgres.data-directory=" + dataDirectory,
                        "--returns.demo-data=false", "--operaton.bpm.job-execution.enabled=false",
                        "--logging.level.root=WARN", "--returns.availability.delivery.enabled=false")) {
            DSLContext db = app.getBean(DSLContext.class);
            long sellable = createMasterData(db);
            // About 1.6 units per order ship; three per order leaves no SKU short, so no chunk is refused for stock.
            stock(app.getBean(StockLedger.class), sellable, (orders + WARM_UP) * 3 / SKUS + 50);
            db.update(SALES_CHANNEL).set(SALES_CHANNEL.AVAILABILITY_URL, "http://127.0.0.1:9/availability")
                    .where(SALES_CHANNEL.CODE.in("MARKETPLACE_A", "MARKETPLACE_B")).execute();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            Path warmUp = report(WARM_UP, "W", new Random(7));
            upload(port, "warm-up", warmUp);
            Path file = report(orders, "B", new Random(42));
            ProcessorTime processorTime = new ProcessorTime(Path.of(dataDirectory));
            double loadBefore = load();
            ProcessorTime.Sample before = processorTime.now();
            long start = System.nanoTime();
            String answer = upload(port, "bench", file);
            double seconds = (System.nanoTime() - start) / 1e9;
            ProcessorTime.Sample used = processorTime.now().minus(before);

            System.out.printf("%nMarketplace import benchmark: %,d orders (%,d bytes), %d SKUs, 2 channels taking "
                    + "figures%n", orders, Files.size(file), SKUS);
            System.out.printf("  answer: %s%n", answer);
            System.out.printf("  %.1f s: %,.0f orders/s%n", seconds, orders / seconds);
            System.out.printf("  processor time per order: %.3f ms (JVM %.3f ms, PostgreSQL %.3f ms)%n",
                    (used.java().toNanos() + used.postgres().toNanos()) / 1e6 / orders,
                    used.java().toNanos() / 1e6 / orders, used.postgres().toNanos() / 1e6 / orders);
            System.out.printf("  load average (1 min) before %.1f, after %.1f%n", loadBefore, load());
            Files.delete(file);
            Files.delete(warmUp);
        }
    }

    private static String upload(int port, String reportId, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/channels/MARKETPLACE_A/order-reports?reportId=" + reportId + "&warehouse="
                        + WAREHOUSE_CODE))
                .header("Content-Type", "text/tab-separated-values")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("inventory1:demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The import answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().length() > 300 ? response.body().substring(0, 300) + "..." : response.body();
    }

    /** The report: one row per item, 9 in 10 items shipped, 1 in 20 cancelled, the rest open. */
    private static Path report(int orders, String prefix, Random random) throws IOException {
        Path file = Files.createTempFile("marketplace-orders", ".tsv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t"
                    + "fulfillment-channel\tsales-channel\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\t"
                    + "item-price\titem-tax\tshipping-price\tship-city\tship-postal-code\tship-country\tbuyer-email\n");
            for (int i = 0; i < orders; i++) {
                String orderId = "%s%03d-%07d-%07d".formatted(prefix, i % 1000, i, random.nextInt(10_000_000));
                int items = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(2) + 1);
                List<Integer> skus = new ArrayList<>();
                for (int item = 0; item < items; item++) {
                    int sku = random.nextInt(SKUS);
                    if (!skus.contains(sku)) {
                        skus.add(sku);
                    }
                }
                for (int sku : skus) {
                    int draw = random.nextInt(20);
                    String status = draw < 18 ? "Shipped" : draw == 18 ? "Cancelled" : "Unshipped";
                    int quantity = random.nextInt(10) == 0 ? 2 : 1;
                    out.write(orderId + "\t\t2026-12-01T10:15:30+00:00\t2026-12-02T08:00:00+00:00\tShipped\tMerchant\t"
                            + "marketplace-a.example\tProduct " + sku + "\t" + sku(sku) + "\tB0" + sku + "\t" + status
                            + "\t" + quantity + "\tEUR\t" + (quantity * 25) + ".00\t4.75\t0.00\tBerlin\t10115\tDE\t"
                            + "buyer" + random.nextInt(50_000) + "@marketplace-a.example\n");
                }
            }
        }
        return file;
    }

    private static long createMasterData(DSLContext db) {
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(SUPPLIER).set(SUPPLIER.CODE, "BENCH").set(SUPPLIER.NAME, "Benchmark supplier")
                .set(SUPPLIER.CREATED_AT, now).execute();
        db.insertInto(WAREHOUSE).set(WAREHOUSE.CODE, WAREHOUSE_CODE).set(WAREHOUSE.NAME, "Benchmark")
                .set(WAREHOUSE.COUNTRY, "DE").set(WAREHOUSE.CREATED_AT, now).execute();
        long sellable = 0;
        for (LocationType type : LocationType.values()) {
            long id = db.insertInto(LOCATION).set(LOCATION.WAREHOUSE_CODE, WAREHOUSE_CODE)
                    .set(LOCATION.TYPE, type.name()).returning(LOCATION.ID).fetchOne(LOCATION.ID);
            if (type == LocationType.SELLABLE) {
                sellable = id;
            }
        }
        var insert = db.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.SUPPLIER_CODE,
                PRODUCT.CURRENCY, PRODUCT.UNIT_COST_MINOR, PRODUCT.PRICE_MINOR, PRODUCT.CREATED_AT, PRODUCT.UPDATED_AT);
        for (int i = 0; i < SKUS; i++) {
            insert = insert.values(sku(i), "Product " + i, "bench", "BENCH", "EUR", 1000L, 2500L, now, now);
        }
        insert.execute();
        return sellable;
    }

    private static void stock(StockLedger ledger, long sellable, int unitsPerSku) {
        List<StockMoveRequest> moves = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            moves.add(StockMoveRequest.purchaseReceipt("bench-stock-" + i, sku(i), null, unitsPerSku, sellable, 1000L,
                    "PO-BENCH", "benchmark"));
        }
        ledger.record(moves);
    }

    private static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static String sku(int i) {
        return "MP-%05d".formatted(i);
    }
}
