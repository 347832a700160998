package org.openreturns.catalog;

import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.SALES_CHANNEL;
import static org.openreturns.db.Tables.STOCK_MOVE;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openreturns.db.tables.records.ProductRecord;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the catalogue. Every write says who made it and when; an update that changes nothing writes nothing,
 * so {@code updated_at} and {@code updated_by} keep telling the last real change.
 */
@Repository
class CatalogRepository {

    private final DSLContext db;

    CatalogRepository(DSLContext db) {
        this.db = db;
    }

    // Products

    Optional<Product> product(String sku) {
        return db.selectFrom(PRODUCT).where(PRODUCT.SKU.eq(sku)).fetchOptional(CatalogRepository::toProduct);
    }

    /** All products, or those of one category when it is not null, by SKU. */
    List<Product> products(String category) {
        Condition inCategory = category == null ? DSL.noCondition() : PRODUCT.CATEGORY.eq(category);
        return db.selectFrom(PRODUCT).where(inCategory).orderBy(PRODUCT.SKU).fetch(CatalogRepository::toProduct);
    }

    boolean hasProducts() {
        return db.fetchExists(PRODUCT);
    }

    /** Inserts the product unless its SKU exists; answers whether it did. */
    boolean insertProduct(Product product, OffsetDateTime now, String actor) {
        return db.insertInto(PRODUCT)
                .set(PRODUCT.SKU, product.sku())
                .set(PRODUCT.NAME, product.name())
                .set(PRODUCT.CATEGORY, product.category())
                .set(PRODUCT.SUPPLIER_CODE, product.supplierCode())
                .set(PRODUCT.CURRENCY, product.currency())
                .set(PRODUCT.UNIT_COST_MINOR, product.unitCostMinor())
                .set(PRODUCT.PRICE_MINOR, product.priceMinor())
                .set(PRODUCT.SERIALIZED, product.serialized())
                .set(PRODUCT.FINAL_SALE, product.finalSale())
                .set(PRODUCT.HIGH_VALUE_THRESHOLD_MINOR, product.highValueThresholdMinor())
                .set(PRODUCT.UNIT_WEIGHT_GRAMS, product.unitWeightGrams())
                .set(PRODUCT.CREATED_AT, now)
                .set(PRODUCT.UPDATED_AT, now)
                .set(PRODUCT.UPDATED_BY, actor)
                .onConflictDoNothing()
                .execute() == 1;
    }

    void updateProductIfChanged(Product product, OffsetDateTime now, String actor) {
        db.update(PRODUCT)
                .set(PRODUCT.NAME, product.name())
                .set(PRODUCT.CATEGORY, product.category())
                .set(PRODUCT.SUPPLIER_CODE, product.supplierCode())
                .set(PRODUCT.CURRENCY, product.currency())
                .set(PRODUCT.UNIT_COST_MINOR, product.unitCostMinor())
                .set(PRODUCT.PRICE_MINOR, product.priceMinor())
                .set(PRODUCT.SERIALIZED, product.serialized())
                .set(PRODUCT.FINAL_SALE, product.finalSale())
                .set(PRODUCT.HIGH_VALUE_THRESHOLD_MINOR, product.highValueThresholdMinor())
                .set(PRODUCT.UNIT_WEIGHT_GRAMS, product.unitWeightGrams())
                .set(PRODUCT.UPDATED_AT, now)
                .set(PRODUCT.UPDATED_BY, actor)
                .where(PRODUCT.SKU.eq(product.sku()))
                .and(DSL.row(PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.SUPPLIER_CODE, PRODUCT.CURRENCY,
                                PRODUCT.UNIT_COST_MINOR, PRODUCT.PRICE_MINOR, PRODUCT.SERIALIZED, PRODUCT.FINAL_SALE,
                                PRODUCT.HIGH_VALUE_THRESHOLD_MINOR, PRODUCT.UNIT_WEIGHT_GRAMS)
                        .isDistinctFrom(product.name(), product.category(), product.supplierCode(),
                                product.currency(), product.unitCostMinor(), product.priceMinor(),
                                product.serialized(), product.finalSale(), product.highValueThresholdMinor(),
                                product.unitWeightGrams()))
                .execute();
    }

    /** Whether the stock ledger has moved units of the SKU: from then on its units and their values depend on it. */
    boolean hasStockMoves(String sku) {
        return db.fetchExists(STOCK_MOVE, STOCK_MOVE.SKU.eq(sku));
    }

    private static Product toProduct(ProductRecord row) {
        return new Product(row.getSku(), row.getName(), row.getCategory(), row.getSupplierCode(), row.getCurrency(),
                row.getUnitCostMinor(), row.getPriceMinor(), row.getSerialized(), row.getFinalSale(),
                row.getHighValueThresholdMinor(), row.getUnitWeightGrams());
    }

    // Suppliers

    List<Supplier> suppliers() {
        return db.selectFrom(SUPPLIER).orderBy(SUPPLIER.CODE)
                .fetch(row -> new Supplier(row.getCode(), row.getName(), row.getEmail()));
    }

    boolean supplierExists(String code) {
        return db.fetchExists(SUPPLIER, SUPPLIER.CODE.eq(code));
    }

    /** Inserts the supplier unless its code exists; answers whether it did. */
    boolean insertSupplier(Supplier supplier, OffsetDateTime now, String actor) {
        return db.insertInto(SUPPLIER)
                .set(SUPPLIER.CODE, supplier.code())
                .set(SUPPLIER.NAME, supplier.name())
                .set(SUPPLIER.EMAIL, supplier.email())
                .set(SUPPLIER.CREATED_AT, now)
                .set(SUPPLIER.UPDATED_AT, now)
                .set(SUPPLIER.UPDATED_BY, actor)
                .onConflictDoNothing()
                .execute() == 1;
    }

    void updateSupplierIfChanged(Supplier supplier, OffsetDateTime now, String actor) {
        db.update(SUPPLIER)
                .set(SUPPLIER.NAME, supplier.name())
                .set(SUPPLIER.EMAIL, supplier.email())
                .set(SUPPLIER.UPDATED_AT, now)
                .set(SUPPLIER.UPDATED_BY, actor)
                .where(SUPPLIER.CODE.eq(supplier.code()))
                .and(DSL.row(SUPPLIER.NAME, SUPPLIER.EMAIL).isDistinctFrom(supplier.name(), supplier.email()))
                .execute();
    }

    // Warehouses and their locations

    List<Warehouse> warehouses() {
        return warehousesWhere(DSL.noCondition());
    }

    Optional<Warehouse> warehouse(String code) {
        return warehousesWhere(WAREHOUSE.CODE.eq(code)).stream().findFirst();
    }

    private List<Warehouse> warehousesWhere(Condition condition) {
        Map<String, List<Location>> locations = db.select(LOCATION.ID, LOCATION.WAREHOUSE_CODE, LOCATION.TYPE)
                .from(LOCATION).join(WAREHOUSE).on(WAREHOUSE.CODE.eq(LOCATION.WAREHOUSE_CODE))
                .where(condition)
                .fetch(row -> new Location(row.value1(), row.value2(), LocationType.valueOf(row.value3())))
                .stream()
                .sorted(Comparator.comparing(Location::type))
                .collect(Collectors.groupingBy(Location::warehouseCode));
        return db.selectFrom(WAREHOUSE).where(condition).orderBy(WAREHOUSE.CODE)
                .fetch(row -> new Warehouse(row.getCode(), row.getName(), row.getCountry(),
                        locations.getOrDefault(row.getCode(), List.of())));
    }

    /** Inserts the warehouse unless its code exists; answers whether it did. */
    boolean insertWarehouse(WarehouseRequest warehouse, OffsetDateTime now, String actor) {
        return db.insertInto(WAREHOUSE)
                .set(WAREHOUSE.CODE, warehouse.code())
                .set(WAREHOUSE.NAME, warehouse.name())
                .set(WAREHOUSE.COUNTRY, warehouse.country())
                .set(WAREHOUSE.CREATED_AT, now)
                .set(WAREHOUSE.UPDATED_AT, now)
                .set(WAREHOUSE.UPDATED_BY, actor)
                .onConflictDoNothing()
                .execute() == 1;
    }

    void updateWarehouseIfChanged(WarehouseRequest warehouse, OffsetDateTime now, String actor) {
        db.update(WAREHOUSE)
                .set(WAREHOUSE.NAME, warehouse.name())
                .set(WAREHOUSE.COUNTRY, warehouse.country())
                .set(WAREHOUSE.UPDATED_AT, now)
                .set(WAREHOUSE.UPDATED_BY, actor)
                .where(WAREHOUSE.CODE.eq(warehouse.code()))
                .and(DSL.row(WAREHOUSE.NAME, WAREHOUSE.COUNTRY).isDistinctFrom(warehouse.name(), warehouse.country()))
                .execute();
    }

    /** Gives the warehouse one location of each type it does not have yet. */
    void addMissingLocations(String warehouseCode) {
        var insert = db.insertInto(LOCATION, LOCATION.WAREHOUSE_CODE, LOCATION.TYPE);
        for (LocationType type : LocationType.values()) {
            insert = insert.values(warehouseCode, type.name());
        }
        insert.onConflict(LOCATION.WAREHOUSE_CODE, LOCATION.TYPE).doNothing().execute();
    }

    // Sales channels

    List<SalesChannel> channels() {
        return db.selectFrom(SALES_CHANNEL).orderBy(SALES_CHANNEL.CODE)
                .fetch(row -> new SalesChannel(row.getCode(), row.getName(), row.getAvailabilityUrl(),
                        row.getAvailabilityToken(), row.getWebhookSecret()));
    }

    Optional<String> webhookSecret(String code) {
        return db.select(SALES_CHANNEL.WEBHOOK_SECRET).from(SALES_CHANNEL).where(SALES_CHANNEL.CODE.eq(code))
                .fetchOptional(SALES_CHANNEL.WEBHOOK_SECRET);
    }

    /** Inserts the channel unless its code exists; answers whether it did. */
    boolean insertChannel(SalesChannel channel, OffsetDateTime now, String actor) {
        return db.insertInto(SALES_CHANNEL)
                .set(SALES_CHANNEL.CODE, channel.code())
                .set(SALES_CHANNEL.NAME, channel.name())
                .set(SALES_CHANNEL.AVAILABILITY_URL, channel.availabilityUrl())
                .set(SALES_CHANNEL.AVAILABILITY_TOKEN, channel.availabilityToken())
                .set(SALES_CHANNEL.WEBHOOK_SECRET, channel.webhookSecret())
                .set(SALES_CHANNEL.CREATED_AT, now)
                .set(SALES_CHANNEL.UPDATED_AT, now)
                .set(SALES_CHANNEL.UPDATED_BY, actor)
                .onConflictDoNothing()
                .execute() == 1;
    }

    void updateChannelIfChanged(SalesChannel channel, OffsetDateTime now, String actor) {
        db.update(SALES_CHANNEL)
                .set(SALES_CHANNEL.NAME, channel.name())
                .set(SALES_CHANNEL.AVAILABILITY_URL, channel.availabilityUrl())
                .set(SALES_CHANNEL.AVAILABILITY_TOKEN, channel.availabilityToken())
                .set(SALES_CHANNEL.WEBHOOK_SECRET, channel.webhookSecret())
                .set(SALES_CHANNEL.UPDATED_AT, now)
                .set(SALES_CHANNEL.UPDATED_BY, actor)
                .where(SALES_CHANNEL.CODE.eq(channel.code()))
                .and(SALES_CHANNEL.NAME.isDistinctFrom(channel.name())
                        .or(SALES_CHANNEL.AVAILABILITY_URL.isDistinctFrom(channel.availabilityUrl()))
                        .or(SALES_CHANNEL.AVAILABILITY_TOKEN.isDistinctFrom(channel.availabilityToken()))
                        .or(SALES_CHANNEL.WEBHOOK_SECRET.isDistinctFrom(channel.webhookSecret())))
                .execute();
    }
}
