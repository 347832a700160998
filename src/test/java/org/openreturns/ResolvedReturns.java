package org.openreturns;

import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.RETURN_EVENT;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SERIAL_UNIT;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest.Reference;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;

/**
 * Returns as resolution leaves them, for the queues that follow it: each in a warehouse of its own with a product of
 * its own (cost 10.00 EUR, supplier SUP-TEST), written straight to the tables and the ledger, so tests sharing one
 * database never collide and need not drive the process to get there.
 */
public final class ResolvedReturns {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T09:00:00Z");
    public static final long UNIT_COST = 1000;

    private final DSLContext db;
    private final OrderService orders;
    private final StockLedger ledger;
    private final CatalogService catalog;
    private final Journal journal;

    public ResolvedReturns(DSLContext db, OrderService orders, StockLedger ledger, CatalogService catalog,
                           Journal journal) {
        this.db = db;
        this.orders = orders;
        this.ledger = ledger;
        this.catalog = catalog;
        this.journal = journal;
    }

    /** Line 1 of a resolved return, one unit of {@code sku} (with {@code serial} when serialized). */
    public record Line(UUID returnId, int lineNo, String sku, String serial, String warehouse, String customerEmail) {
    }

    /** A new warehouse with one location of each type; its code. */
    public String warehouse() {
        long sellable = new LedgerFixtures(db).warehouse().get(LocationType.SELLABLE);
        return db.select(LOCATION.WAREHOUSE_CODE).from(LOCATION).where(LOCATION.ID.eq(sellable))
                .fetchSingle(LOCATION.WAREHOUSE_CODE);
    }

    public String product(boolean serialized) {
        return new LedgerFixtures(db).product(serialized);
    }

    /** A web order of one unit shipped from {@code warehouse}, and its return, resolved, of that unit. */
    public Line returned(String warehouse, String sku, String serial) {
        String orderId = ApiClient.newOrderId();
        String email = orderId.toLowerCase() + "@example.com";
        long order = orders.ingest(new OrderIngestion(orderId, "WEB",
                new OrderIngestion.Customer("C-" + orderId, email, CustomerTier.STANDARD, null), NOW.minusDays(10),
                NOW.minusDays(7), "EUR", warehouse, List.of(new OrderIngestion.Line(1, sku, 1, new BigDecimal("25.00"),
                serial == null ? List.of() : List.of(serial))), null, null), "test").order().id();
        UUID returnId = UUID.randomUUID();
        db.insertInto(RETURN_REQUEST)
                .set(RETURN_REQUEST.ID, returnId).set(RETURN_REQUEST.RMA_NUMBER, "RMA-T-" + returnId)
                .set(RETURN_REQUEST.ORDER_ID, order).set(RETURN_REQUEST.STATUS, "RESOLVED")
                .set(RETURN_REQUEST.REQUESTED_BY, "test").set(RETURN_REQUEST.REQUESTED_AT, NOW)
                .set(RETURN_REQUEST.STATUS_CHANGED_AT, NOW)
                .execute();
        db.insertInto(RETURN_LINE)
                .set(RETURN_LINE.RETURN_ID, returnId).set(RETURN_LINE.ORDER_ID, order)
                .set(RETURN_LINE.LINE_NO, 1).set(RETURN_LINE.QUANTITY, 1)
                .set(RETURN_LINE.REASON_CODE, "DEFECTIVE").set(RETURN_LINE.DECLARED_CONDITION, "OPENED")
                .set(RETURN_LINE.RECEIVED_SKU, sku).set(RETURN_LINE.RECEIVED_SERIAL, serial)
                .set(RETURN_LINE.RECEIVED_QUANTITY, 1)
                .execute();
        return new Line(returnId, 1, sku, serial, warehouse, email);
    }

    /**
     * The returned unit received at cost (RETURN_RECEIPT: Dr 1310 / Cr 5000) and moved on by resolution to
     * {@code destination} for {@code reason}, as the lead's disposition step does.
     */
    public void unitIn(Line line, LocationType destination, MoveReason reason) {
        long receiving = catalog.locationId(line.warehouse(), LocationType.RETURNS_RECEIVING);
        Reference reference = Reference.returnLine(line.returnId(), line.lineNo());
        ledger.record(List.of(
                StockMoveRequest.returnReceipt("test-" + line.returnId() + "-receipt", line.sku(), line.serial(), 1,
                        catalog.locationId(line.warehouse(), LocationType.CUSTOMER), receiving, UNIT_COST, reference,
                        "test"),
                StockMoveRequest.between("test-" + line.returnId() + "-disposition", line.sku(), line.serial(), 1,
                        receiving, catalog.locationId(line.warehouse(), destination), reason, reference, "test")));
    }

    /** Units bought into the warehouse's sellable stock at cost. */
    public void onTheShelf(String warehouse, String sku, int quantity) {
        ledger.record(purchase(sku, null, quantity, catalog.locationId(warehouse, LocationType.SELLABLE)));
    }

    /** Serialized units bought into the warehouse's sellable stock at cost, one per serial. */
    public void serialsOnTheShelf(String warehouse, String sku, String... serials) {
        long sellable = catalog.locationId(warehouse, LocationType.SELLABLE);
        ledger.record(Arrays.stream(serials).map(serial -> purchase(sku, serial, 1, sellable)).toList());
    }

    private static StockMoveRequest purchase(String sku, String serial, int quantity, long sellable) {
        return StockMoveRequest.purchaseReceipt("test-purchase-" + UUID.randomUUID(), sku, serial, quantity, sellable,
                UNIT_COST, "PO-TEST", "test");
    }

    /** Units of the SKU by location type (its warehouse is the test's own). */
    public Map<LocationType, Integer> stock(String sku) {
        Map<LocationType, Integer> byType = new EnumMap<>(LocationType.class);
        ledger.onHand(sku).stream().filter(place -> place.quantity() != 0)
                .forEach(place -> byType.merge(place.locationType(), place.quantity(), Integer::sum));
        return byType;
    }

    /** Where the serialized unit is: the type of its location, or null once it left the books. */
    public LocationType whereIs(String sku, String serial) {
        Record1<String> unit = db.select(LOCATION.TYPE).from(SERIAL_UNIT)
                .leftJoin(LOCATION).on(LOCATION.ID.eq(SERIAL_UNIT.LOCATION_ID))
                .where(SERIAL_UNIT.SKU.eq(sku)).and(SERIAL_UNIT.SERIAL.eq(serial)).fetchOne();
        if (unit == null) {
            throw new AssertionError("The ledger never saw " + sku + " " + serial);
        }
        return unit.value1() == null ? null : LocationType.valueOf(unit.value1());
    }

    /** The journal entries of the return as "REASON: Dr 1310 1000, Cr 5000 1000", oldest first. */
    public List<String> entries(UUID returnId) {
        List<String> entries = new ArrayList<>();
        for (JournalEntryView entry : journal.entriesOfReturn(returnId)) {
            entries.add(entry.reason() + ": " + String.join(", ", entry.lines().stream()
                    .filter(line -> line.debit() != 0 || line.credit() != 0)
                    .map(line -> line.debit() != 0 ? "Dr " + line.account() + " " + line.debit()
                            : "Cr " + line.account() + " " + line.credit()).toList()));
        }
        return entries;
    }

    /** The return's timeline as "TYPE by actor: detail", oldest first. */
    public List<String> timeline(UUID returnId) {
        return db.selectFrom(RETURN_EVENT).where(RETURN_EVENT.RETURN_ID.eq(returnId)).orderBy(RETURN_EVENT.ID)
                .fetch(event -> event.getType() + " by " + event.getActor() + ": " + event.getDetail());
    }
}
