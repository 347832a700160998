package org.openreturns.inventory;

import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.StockMoveRequest.Reference;

/** Master data for ledger tests, with unique codes so tests sharing one database never collide. */
public final class LedgerFixtures {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-01T08:00:00Z");

    private final DSLContext db;

    public LedgerFixtures(DSLContext db) {
        this.db = db;
    }

    /** A warehouse with one location of each type; the location ids by type. */
    public Map<LocationType, Long> warehouse() {
        return warehouse("WH-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The warehouse of this code, with one location of each type; the location ids by type. */
    public Map<LocationType, Long> warehouse(String code) {
        db.insertInto(WAREHOUSE).set(WAREHOUSE.CODE, code).set(WAREHOUSE.NAME, "Test " + code)
                .set(WAREHOUSE.COUNTRY, "DE").set(WAREHOUSE.CREATED_AT, NOW).execute();
        Map<LocationType, Long> locations = new EnumMap<>(LocationType.class);
        for (LocationType type : LocationType.values()) {
            locations.put(type, db.insertInto(LOCATION).set(LOCATION.WAREHOUSE_CODE, code)
                    .set(LOCATION.TYPE, type.name()).returning(LOCATION.ID).fetchOne(LOCATION.ID));
        }
        return locations;
    }

    public String product(boolean serialized) {
        String supplier = "SUP-TEST";
        db.insertInto(SUPPLIER).set(SUPPLIER.CODE, supplier).set(SUPPLIER.NAME, "Test supplier")
                .set(SUPPLIER.CREATED_AT, NOW).onConflictDoNothing().execute();
        String sku = (serialized ? "WATCH-" : "TEE-") + UUID.randomUUID().toString().substring(0, 8);
        db.insertInto(PRODUCT).set(PRODUCT.SKU, sku).set(PRODUCT.NAME, "Test " + sku).set(PRODUCT.CATEGORY, "test")
                .set(PRODUCT.SUPPLIER_CODE, supplier).set(PRODUCT.CURRENCY, "EUR").set(PRODUCT.UNIT_COST_MINOR, 1000L)
                .set(PRODUCT.PRICE_MINOR, 2500L).set(PRODUCT.SERIALIZED, serialized)
                .set(PRODUCT.CREATED_AT, NOW).set(PRODUCT.UPDATED_AT, NOW).execute();
        return sku;
    }

    public static StockMoveRequest move(String sku, String serial, int quantity, Long from, Long to, MoveReason reason,
                                        Long unitCost) {
        StockMoveRequest move = StockMoveRequest.move(UUID.randomUUID().toString(), sku, serial, quantity, from, to,
                reason, Reference.adjustment("test"), "tester");
        return unitCost == null ? move : move.atUnitCost(unitCost);
    }
}
