package org.openreturns.inventory;

import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SERIAL_UNIT;
import static org.openreturns.db.Tables.STOCK_BALANCE;
import static org.openreturns.db.Tables.STOCK_MOVE;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.openreturns.catalog.LocationType;
import org.springframework.stereotype.Repository;

@Repository
class StockLedgerRepository {

    private final DSLContext db;

    StockLedgerRepository(DSLContext db) {
        this.db = db;
    }

    record LocationInfo(long id, String warehouseCode, LocationType type) {
    }

    record ProductInfo(String sku, String currency, boolean serialized) {
    }

    record BalanceKey(String sku, long locationId) {
    }

    /** A balance being worked on inside one transaction; its row is locked. */
    static final class Balance {
        int quantity;
        long valueMinor;

        Balance(int quantity, long valueMinor) {
            this.quantity = quantity;
            this.valueMinor = valueMinor;
        }
    }

    record MoveRow(StockMoveRequest request, String currency, long valueMinor, long writeDownMinor,
                   OffsetDateTime movedAt) {
    }

    Map<Long, LocationInfo> locations() {
        return db.selectFrom(LOCATION).fetchMap(LOCATION.ID, location -> new LocationInfo(location.getId(),
                location.getWarehouseCode(), LocationType.valueOf(location.getType())));
    }

    Map<String, ProductInfo> products(Collection<String> skus) {
        return db.select(PRODUCT.SKU, PRODUCT.CURRENCY, PRODUCT.SERIALIZED).from(PRODUCT).where(PRODUCT.SKU.in(skus))
                .fetchMap(PRODUCT.SKU, row -> new ProductInfo(row.value1(), row.value2(), row.value3()));
    }

    Map<String, RecordedMove> recorded(Collection<String> idempotencyKeys) {
        return db.select(STOCK_MOVE.ID, STOCK_MOVE.IDEMPOTENCY_KEY, STOCK_MOVE.VALUE_MINOR, STOCK_MOVE.WRITE_DOWN_MINOR)
                .from(STOCK_MOVE).where(STOCK_MOVE.IDEMPOTENCY_KEY.in(idempotencyKeys))
                .fetchMap(STOCK_MOVE.IDEMPOTENCY_KEY, row -> new RecordedMove(row.value1(), row.value2(),
                        row.value3(), row.value4(), false));
    }

    /**
     * Locks the balance rows of the given SKUs and locations, creating empty ones first, always in the same order
     * so that two transactions touching the same rows wait for each other instead of deadlocking.
     */
    Map<BalanceKey, Balance> lockBalances(Collection<BalanceKey> keys) {
        if (keys.isEmpty()) {
            return new HashMap<>();
        }
        List<BalanceKey> ordered = keys.stream()
                .sorted(Comparator.comparing(BalanceKey::sku).thenComparingLong(BalanceKey::locationId)).toList();
        var ensure = db.insertInto(STOCK_BALANCE, STOCK_BALANCE.SKU, STOCK_BALANCE.LOCATION_ID, STOCK_BALANCE.QUANTITY,
                STOCK_BALANCE.VALUE_MINOR);
        for (BalanceKey key : ordered) {
            ensure = ensure.values(key.sku(), key.locationId(), 0, 0L);
        }
        ensure.onConflictDoNothing().execute();
        List<Row2<String, Long>> rows = ordered.stream().map(key -> DSL.row(key.sku(), key.locationId())).toList();
        return db.selectFrom(STOCK_BALANCE)
                .where(DSL.row(STOCK_BALANCE.SKU, STOCK_BALANCE.LOCATION_ID).in(rows))
                .orderBy(STOCK_BALANCE.SKU, STOCK_BALANCE.LOCATION_ID)
                .forUpdate()
                .fetch().stream()
                .collect(Collectors.toMap(row -> new BalanceKey(row.getSku(), row.getLocationId()),
                        row -> new Balance(row.getQuantity(), row.getValueMinor())));
    }

    void writeBalances(Map<BalanceKey, Balance> balances) {
        if (balances.isEmpty()) {
            return;
        }
        var upsert = db.insertInto(STOCK_BALANCE, STOCK_BALANCE.SKU, STOCK_BALANCE.LOCATION_ID, STOCK_BALANCE.QUANTITY,
                STOCK_BALANCE.VALUE_MINOR);
        for (Map.Entry<BalanceKey, Balance> entry : balances.entrySet()) {
            upsert = upsert.values(entry.getKey().sku(), entry.getKey().locationId(), entry.getValue().quantity,
                    entry.getValue().valueMinor);
        }
        upsert.onConflict(STOCK_BALANCE.SKU, STOCK_BALANCE.LOCATION_ID).doUpdate()
                .set(STOCK_BALANCE.QUANTITY, DSL.excluded(STOCK_BALANCE.QUANTITY))
                .set(STOCK_BALANCE.VALUE_MINOR, DSL.excluded(STOCK_BALANCE.VALUE_MINOR))
                .execute();
    }

    /** Where each of the serialized units is now (null: off the books); the rows are locked. */
    Map<String, Long> lockSerials(String sku, Collection<String> serials) {
        Map<String, Long> locations = new HashMap<>();
        db.selectFrom(SERIAL_UNIT).where(SERIAL_UNIT.SKU.eq(sku)).and(SERIAL_UNIT.SERIAL.in(serials))
                .orderBy(SERIAL_UNIT.SERIAL).forUpdate()
                .forEach(unit -> locations.put(unit.getSerial(), unit.getLocationId()));
        return locations;
    }

    void placeSerial(String sku, String serial, Long locationId, long moveId) {
        db.insertInto(SERIAL_UNIT)
                .set(SERIAL_UNIT.SKU, sku).set(SERIAL_UNIT.SERIAL, serial)
                .set(SERIAL_UNIT.LOCATION_ID, locationId).set(SERIAL_UNIT.LAST_MOVE_ID, moveId)
                .onConflict(SERIAL_UNIT.SKU, SERIAL_UNIT.SERIAL).doUpdate()
                .set(SERIAL_UNIT.LOCATION_ID, locationId).set(SERIAL_UNIT.LAST_MOVE_ID, moveId)
                .execute();
    }

    /** Inserts the moves in one statement; returns their ids by idempotency key. */
    Map<String, Long> insertMoves(List<MoveRow> moves) {
        var insert = db.insertInto(STOCK_MOVE, STOCK_MOVE.IDEMPOTENCY_KEY, STOCK_MOVE.SKU, STOCK_MOVE.SERIAL,
                STOCK_MOVE.LOT, STOCK_MOVE.QUANTITY, STOCK_MOVE.FROM_LOCATION_ID, STOCK_MOVE.TO_LOCATION_ID,
                STOCK_MOVE.REASON, STOCK_MOVE.REFERENCE_TYPE, STOCK_MOVE.REFERENCE_ID, STOCK_MOVE.REFERENCE_LINE,
                STOCK_MOVE.VALUE_MINOR, STOCK_MOVE.WRITE_DOWN_MINOR, STOCK_MOVE.CURRENCY, STOCK_MOVE.MOVED_BY,
                STOCK_MOVE.MOVED_AT);
        for (MoveRow move : moves) {
            StockMoveRequest r = move.request();
            insert = insert.values(DSL.val(r.idempotencyKey()), DSL.val(r.sku()), DSL.val(r.serial()),
                    DSL.val(r.lot()), DSL.val(r.quantity()), DSL.val(r.fromLocationId()), DSL.val(r.toLocationId()),
                    DSL.val(r.reason().name()), DSL.val(r.referenceType().name()), DSL.val(r.referenceId()),
                    DSL.val(r.referenceLine()), DSL.val(move.valueMinor()), DSL.val(move.writeDownMinor()),
                    DSL.val(move.currency()), DSL.val(r.movedBy()), DSL.val(move.movedAt()));
        }
        return insert.returning(STOCK_MOVE.ID, STOCK_MOVE.IDEMPOTENCY_KEY).fetch().stream()
                .collect(Collectors.toMap(row -> row.getIdempotencyKey(), row -> row.getId()));
    }

    /** Quantity per warehouse and location type of one SKU, leaving out empty places. */
    List<OnHand> onHand(String sku) {
        return db.select(LOCATION.WAREHOUSE_CODE, LOCATION.TYPE, STOCK_BALANCE.QUANTITY)
                .from(STOCK_BALANCE).join(LOCATION).on(LOCATION.ID.eq(STOCK_BALANCE.LOCATION_ID))
                .where(STOCK_BALANCE.SKU.eq(sku)).and(STOCK_BALANCE.QUANTITY.gt(0))
                .orderBy(LOCATION.WAREHOUSE_CODE, LOCATION.TYPE)
                .fetch(row -> new OnHand(row.value1(), LocationType.valueOf(row.value2()), row.value3()));
    }
}
