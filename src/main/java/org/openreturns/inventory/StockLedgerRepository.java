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
import org.jooq.impl.DSL;
import org.openreturns.catalog.LocationType;
import org.openreturns.system.CopyRows;
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
        return db.select(PRODUCT.SKU, PRODUCT.CURRENCY, PRODUCT.SERIALIZED).from(PRODUCT)
                .where(PRODUCT.SKU.eq(DSL.any(skus.toArray(String[]::new))))
                .fetchMap(PRODUCT.SKU, row -> new ProductInfo(row.value1(), row.value2(), row.value3()));
    }

    /**
     * The moves already recorded under any of the keys. The keys are joined as rows, not compared with
     * {@code = any(array)}: while the table is young and its statistics small, the planner picks a sequential scan
     * for the array form and compares every row with every key, which cost seconds per batch of 2,000.
     */
    Map<String, RecordedMove> recorded(Collection<String> idempotencyKeys) {
        Map<String, RecordedMove> recorded = new HashMap<>();
        db.resultQuery("""
                select m.id, m.idempotency_key, m.value_minor, m.write_down_minor
                from unnest(?::text[]) as key(idempotency_key) join stock_move m using (idempotency_key)
                """, (Object) idempotencyKeys.toArray(String[]::new)).forEach(row -> recorded.put(
                row.get(1, String.class), new RecordedMove(row.get(0, Long.class), row.get(1, String.class),
                        row.get(2, Long.class), row.get(3, Long.class), false)));
        return recorded;
    }

    /**
     * Locks the balance rows of the given SKUs and locations, creating empty rows first where stock arrives,
     * always in the same order so that two transactions touching the same rows wait for each other instead of
     * deadlocking. A place stock only leaves needs no new row: without one it has never held the SKU, and a move
     * out of it is refused; such keys are missing from the answer.
     *
     * <p>Both statements look each key up through the primary key, one after the other in the keys' order: as a
     * plain join, the planner underestimates the matches of two columns and hashes the whole balance table for
     * every batch instead. A lateral subquery with {@code limit} or {@code for update} is never flattened into a
     * join, so its plan is an index lookup per key whatever the statistics.
     *
     * @param keys         every balance the moves change
     * @param destinations those of them that stock arrives in
     */
    Map<BalanceKey, Balance> lockBalances(Collection<BalanceKey> keys, Collection<BalanceKey> destinations) {
        Map<BalanceKey, Balance> balances = new HashMap<>();
        if (keys.isEmpty()) {
            return balances;
        }
        if (!destinations.isEmpty()) {
            List<BalanceKey> created = ordered(destinations);
            // Arrays unnested into rows: one statement and one plan whatever the batch size.
            db.execute("""
                    insert into stock_balance (sku, location_id, quantity, value_minor)
                    select key.sku, key.location_id, 0, 0
                    from unnest(?::text[], ?::bigint[]) with ordinality as key(sku, location_id, n)
                    left join lateral (select true as found from stock_balance b
                                       where b.sku = key.sku and b.location_id = key.location_id limit 1) existing
                           on true
                    where existing.found is null
                    order by key.n
                    on conflict do nothing
                    """, skus(created), locations(created));
        }
        List<BalanceKey> locked = ordered(keys);
        db.resultQuery("""
                select b.sku, b.location_id, b.quantity, b.value_minor
                from unnest(?::text[], ?::bigint[]) with ordinality as key(sku, location_id, n)
                cross join lateral (select * from stock_balance b
                                    where b.sku = key.sku and b.location_id = key.location_id for update) b
                order by key.n
                """, skus(locked), locations(locked)).forEach(row -> balances.put(
                new BalanceKey(row.get(0, String.class), row.get(1, Long.class)),
                new Balance(row.get(2, Integer.class), row.get(3, Long.class))));
        return balances;
    }

    private static List<BalanceKey> ordered(Collection<BalanceKey> keys) {
        return keys.stream()
                .sorted(Comparator.comparing(BalanceKey::sku).thenComparingLong(BalanceKey::locationId)).toList();
    }

    private static String[] skus(List<BalanceKey> keys) {
        return keys.stream().map(BalanceKey::sku).toArray(String[]::new);
    }

    private static Long[] locations(List<BalanceKey> keys) {
        return keys.stream().map(BalanceKey::locationId).toArray(Long[]::new);
    }

    /**
     * Writes the balances locked by {@link #lockBalances}. Every row exists and is locked by this transaction, so
     * the conflict clause always applies: it is the form that updates row by row through the primary key (an
     * {@code update ... from} join hashes the whole balance table, see {@link #lockBalances}).
     */
    void writeBalances(Map<BalanceKey, Balance> balances) {
        if (balances.isEmpty()) {
            return;
        }
        int size = balances.size();
        String[] skus = new String[size];
        Long[] locations = new Long[size];
        Integer[] quantities = new Integer[size];
        Long[] values = new Long[size];
        int i = 0;
        for (Map.Entry<BalanceKey, Balance> entry : balances.entrySet()) {
            skus[i] = entry.getKey().sku();
            locations[i] = entry.getKey().locationId();
            quantities[i] = entry.getValue().quantity;
            values[i++] = entry.getValue().valueMinor;
        }
        db.execute("""
                insert into stock_balance as b (sku, location_id, quantity, value_minor)
                select * from unnest(?::text[], ?::bigint[], ?::int[], ?::bigint[])
                on conflict (sku, location_id) do update set quantity = excluded.quantity, value_minor = excluded.value_minor
                """, skus, locations, quantities, values);
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

    /**
     * Inserts the moves with one {@code COPY}; returns their ids by idempotency key. COPY returns nothing, so the
     * ids are drawn from the table's identity sequence first, in the moves' order (COPY writes given values into
     * an identity column, as {@code overriding system value} would).
     */
    Map<String, Long> insertMoves(List<MoveRow> moves) {
        List<Long> drawn = db.fetch("select nextval('stock_move_id_seq') from generate_series(1, ?)", moves.size())
                .getValues(0, Long.class);
        Map<String, Long> ids = new HashMap<>();
        CopyRows rows = new CopyRows();
        for (int i = 0; i < moves.size(); i++) {
            MoveRow move = moves.get(i);
            StockMoveRequest r = move.request();
            long id = drawn.get(i);
            ids.put(r.idempotencyKey(), id);
            rows.add(id, r.idempotencyKey(), r.sku(), r.serial(), r.lot(), r.quantity(), r.fromLocationId(),
                    r.toLocationId(), r.reason().name(), r.referenceType().name(), r.referenceId(), r.referenceLine(),
                    move.valueMinor(), move.writeDownMinor(), move.currency(), r.movedBy(), move.movedAt());
        }
        rows.copyInto(db, "stock_move", "id", "idempotency_key", "sku", "serial", "lot", "quantity",
                "from_location_id", "to_location_id", "reason", "reference_type", "reference_id", "reference_line",
                "value_minor", "write_down_minor", "currency", "moved_by", "moved_at");
        return ids;
    }

    /** Quantity per warehouse and location type of one SKU, leaving out empty places. */
    List<OnHand> onHand(String sku) {
        return db.select(LOCATION.WAREHOUSE_CODE, LOCATION.TYPE, STOCK_BALANCE.QUANTITY)
                .from(STOCK_BALANCE).join(LOCATION).on(LOCATION.ID.eq(STOCK_BALANCE.LOCATION_ID))
                .where(STOCK_BALANCE.SKU.eq(sku)).and(STOCK_BALANCE.QUANTITY.gt(0))
                .orderBy(LOCATION.WAREHOUSE_CODE, LOCATION.TYPE)
                .fetch(row -> new OnHand(row.value1(), LocationType.valueOf(row.value2()), row.value3()));
    }

    /** Units of the SKU that orders not yet shipped nor cancelled reserve, across the warehouses. */
    int reserved(String sku) {
        return db.resultQuery("select coalesce(sum(reserved), 0)::integer from order_line_reservation where sku = ?", sku)
                .fetchSingle().get(0, Integer.class);
    }

    /**
     * Available to sell of each SKU, as {@link StockLedger#availableToSell(List, int)} defines it: sellable stock across
     * the warehouses less what orders reserve, never below zero. One statement for all SKUs; each SKU's balances and
     * open reservations are found through their indexes.
     */
    Map<String, Integer> availableToSell(Collection<String> skus) {
        Map<String, Integer> figures = new HashMap<>();
        db.resultQuery("""
                select k.sku, greatest(0,
                       coalesce((select sum(b.quantity) from stock_balance b
                                 join location l on l.id = b.location_id and l.type = 'SELLABLE'
                                 where b.sku = k.sku), 0)
                     - coalesce((select sum(r.reserved) from order_line_reservation r where r.sku = k.sku), 0))::integer
                from unnest(?::text[]) as k(sku)
                """, (Object) skus.stream().distinct().toArray(String[]::new))
                .forEach(row -> figures.put(row.get(0, String.class), row.get(1, Integer.class)));
        return figures;
    }

    /** Quantity and value of the SKU at the location, {0, 0} when it has never been there. */
    long[] balance(String sku, long locationId) {
        return db.select(STOCK_BALANCE.QUANTITY, STOCK_BALANCE.VALUE_MINOR).from(STOCK_BALANCE)
                .where(STOCK_BALANCE.SKU.eq(sku)).and(STOCK_BALANCE.LOCATION_ID.eq(locationId))
                .fetchOptional(row -> new long[] {row.value1(), row.value2()})
                .orElse(new long[] {0, 0});
    }

    /** The moves recorded for one reference (e.g. a return), in the order they were recorded. */
    List<StockMoveView> movesOf(ReferenceType type, String referenceId) {
        var from = LOCATION.as("from_location");
        var to = LOCATION.as("to_location");
        return db.select(STOCK_MOVE.ID, STOCK_MOVE.SKU, STOCK_MOVE.SERIAL, STOCK_MOVE.QUANTITY, from.WAREHOUSE_CODE,
                        from.TYPE, to.WAREHOUSE_CODE, to.TYPE, STOCK_MOVE.REASON, STOCK_MOVE.REFERENCE_LINE,
                        STOCK_MOVE.VALUE_MINOR, STOCK_MOVE.WRITE_DOWN_MINOR, STOCK_MOVE.CURRENCY, STOCK_MOVE.MOVED_BY,
                        STOCK_MOVE.MOVED_AT)
                .from(STOCK_MOVE)
                .leftJoin(from).on(from.ID.eq(STOCK_MOVE.FROM_LOCATION_ID))
                .leftJoin(to).on(to.ID.eq(STOCK_MOVE.TO_LOCATION_ID))
                .where(STOCK_MOVE.REFERENCE_TYPE.eq(type.name())).and(STOCK_MOVE.REFERENCE_ID.eq(referenceId))
                .orderBy(STOCK_MOVE.ID)
                .fetch(row -> new StockMoveView(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6() == null ? null : LocationType.valueOf(row.value6()), row.value7(),
                        row.value8() == null ? null : LocationType.valueOf(row.value8()),
                        MoveReason.valueOf(row.value9()), row.value10(), row.value11(), row.value12(),
                        row.value13(), row.value14(), row.value15()));
    }
}
