package org.openreturns.orders;

import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    private final DSLContext db;

    OrderRepository(DSLContext db) {
        this.db = db;
    }

    void upsertCustomer(OrderIngestion.Customer customer, OffsetDateTime now) {
        db.insertInto(CUSTOMER)
                .set(CUSTOMER.ID, customer.id())
                .set(CUSTOMER.EMAIL, customer.email())
                .set(CUSTOMER.TIER, customer.tier().name())
                .set(CUSTOMER.PHONE, customer.phone())
                .set(CUSTOMER.UPDATED_AT, now)
                .onConflict(CUSTOMER.ID).doUpdate()
                .set(CUSTOMER.EMAIL, customer.email())
                .set(CUSTOMER.TIER, customer.tier().name())
                .set(CUSTOMER.PHONE, customer.phone())
                .set(CUSTOMER.UPDATED_AT, now)
                .execute();
    }

    Optional<Customer> findCustomer(String id) {
        return db.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional(customer -> new Customer(
                customer.getId(), customer.getEmail(), customer.getPhone(), CustomerTier.valueOf(customer.getTier()),
                customer.getUpdatedAt()));
    }

    long insertOrder(OrderIngestion order, OffsetDateTime now, String ingestedBy) {
        return db.insertInto(SALES_ORDER)
                .set(SALES_ORDER.CHANNEL, order.channel())
                .set(SALES_ORDER.ORDER_NUMBER, order.id())
                .set(SALES_ORDER.CUSTOMER_ID, order.customer().id())
                .set(SALES_ORDER.PLACED_AT, order.placedAt())
                .set(SALES_ORDER.DELIVERED_AT, order.deliveredAt())
                .set(SALES_ORDER.CURRENCY, order.currency())
                .set(SALES_ORDER.WAREHOUSE, order.warehouse())
                .set(SALES_ORDER.SHIPPING_ADDRESS, order.shippingAddress())
                .set(SALES_ORDER.CAMPAIGN_CODE, order.campaignCode())
                .set(SALES_ORDER.INGESTED_AT, now)
                .set(SALES_ORDER.INGESTED_BY, ingestedBy)
                // An order that arrives delivered left the warehouse already: there is nothing left to reserve.
                .set(SALES_ORDER.RESERVES_STOCK, order.deliveredAt() == null)
                .returning(SALES_ORDER.ID)
                .fetchOne(SALES_ORDER.ID);
    }

    void insertLine(long orderId, int lineNo, String sku, int quantity, long unitPriceMinor, List<String> serials) {
        db.insertInto(SALES_ORDER_LINE)
                .set(SALES_ORDER_LINE.ORDER_ID, orderId)
                .set(SALES_ORDER_LINE.LINE_NO, lineNo)
                .set(SALES_ORDER_LINE.SKU, sku)
                .set(SALES_ORDER_LINE.QUANTITY, quantity)
                .set(SALES_ORDER_LINE.UNIT_PRICE_MINOR, unitPriceMinor)
                .set(SALES_ORDER_LINE.SERIALS, serials.toArray(String[]::new))
                .execute();
    }

    /** The order ids of the channel that are stored already, of those given. */
    Set<String> knownNumbers(String channel, Collection<String> orderNumbers) {
        return new HashSet<>(db.select(SALES_ORDER.ORDER_NUMBER).from(SALES_ORDER)
                .where(SALES_ORDER.CHANNEL.eq(channel))
                .and(SALES_ORDER.ORDER_NUMBER.eq(DSL.any(orderNumbers.toArray(String[]::new))))
                .fetch(SALES_ORDER.ORDER_NUMBER));
    }

    /** {@link #upsertCustomer} for many customers in one statement; each id once. */
    void upsertCustomers(Collection<OrderIngestion.Customer> customers, OffsetDateTime now) {
        var insert = db.insertInto(CUSTOMER, CUSTOMER.ID, CUSTOMER.EMAIL, CUSTOMER.TIER, CUSTOMER.PHONE,
                CUSTOMER.UPDATED_AT);
        for (OrderIngestion.Customer customer : customers) {
            insert = insert.values(customer.id(), customer.email(), customer.tier().name(), customer.phone(), now);
        }
        insert.onConflict(CUSTOMER.ID).doUpdate()
                .set(CUSTOMER.EMAIL, DSL.excluded(CUSTOMER.EMAIL))
                .set(CUSTOMER.TIER, DSL.excluded(CUSTOMER.TIER))
                .set(CUSTOMER.PHONE, DSL.excluded(CUSTOMER.PHONE))
                .set(CUSTOMER.UPDATED_AT, DSL.excluded(CUSTOMER.UPDATED_AT))
                .execute();
    }

    /** {@link #insertOrder} for many orders in one statement; answers their ids by order id. */
    Map<String, Long> insertOrders(List<OrderIngestion> orders, OffsetDateTime now, String ingestedBy) {
        var insert = db.insertInto(SALES_ORDER, SALES_ORDER.CHANNEL, SALES_ORDER.ORDER_NUMBER,
                SALES_ORDER.CUSTOMER_ID, SALES_ORDER.PLACED_AT, SALES_ORDER.DELIVERED_AT, SALES_ORDER.CURRENCY,
                SALES_ORDER.WAREHOUSE, SALES_ORDER.SHIPPING_ADDRESS, SALES_ORDER.CAMPAIGN_CODE,
                SALES_ORDER.INGESTED_AT, SALES_ORDER.INGESTED_BY, SALES_ORDER.RESERVES_STOCK);
        for (OrderIngestion order : orders) {
            insert = insert.values(order.channel(), order.id(), order.customer().id(), order.placedAt(),
                    order.deliveredAt(), order.currency(), order.warehouse(), order.shippingAddress(),
                    order.campaignCode(), now, ingestedBy, order.deliveredAt() == null);
        }
        Map<String, Long> ids = new HashMap<>();
        insert.returningResult(SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ID).fetch()
                .forEach(row -> ids.put(row.value1(), row.value2()));
        return ids;
    }

    /** The lines of many orders in one statement: order id, line, SKU, quantity, unit price in minor units. */
    void insertLines(List<OrderLine> lines) {
        var insert = db.insertInto(SALES_ORDER_LINE, SALES_ORDER_LINE.ORDER_ID, SALES_ORDER_LINE.LINE_NO,
                SALES_ORDER_LINE.SKU, SALES_ORDER_LINE.QUANTITY, SALES_ORDER_LINE.UNIT_PRICE_MINOR,
                SALES_ORDER_LINE.SERIALS);
        for (OrderLine line : lines) {
            insert = insert.values(line.orderId(), line.lineNo(), line.sku(), line.quantity(), line.unitPriceMinor(),
                    line.serials().toArray(String[]::new));
        }
        insert.execute();
    }

    void recordDelivery(long orderId, OffsetDateTime deliveredAt) {
        db.update(SALES_ORDER).set(SALES_ORDER.DELIVERED_AT, deliveredAt).where(SALES_ORDER.ID.eq(orderId)).execute();
    }

    /** What was shipped and cancelled of each line of the order. */
    Map<Integer, LineFulfilment> fulfilment(long orderId) {
        Map<Integer, LineFulfilment> lines = new HashMap<>();
        db.resultQuery("select line_no, shipped, cancelled from order_line_fulfilment where order_id = ?", orderId)
                .forEach(row -> lines.put(row.get(0, Integer.class),
                        new LineFulfilment(row.get(1, Integer.class), row.get(2, Integer.class))));
        return lines;
    }

    Optional<SalesOrder> find(String channel, String orderNumber) {
        return findWhere(SALES_ORDER.CHANNEL.eq(channel).and(SALES_ORDER.ORDER_NUMBER.eq(orderNumber)), false)
                .stream().findFirst();
    }

    List<SalesOrder> findByNumber(String orderNumber, boolean lockForUpdate) {
        return findWhere(SALES_ORDER.ORDER_NUMBER.eq(orderNumber), lockForUpdate);
    }

    Optional<SalesOrder> findById(long id) {
        return findWhere(SALES_ORDER.ID.eq(id), false).stream().findFirst();
    }

    private List<SalesOrder> findWhere(org.jooq.Condition condition, boolean lockForUpdate) {
        var query = db.select(SALES_ORDER.fields()).select(CUSTOMER.TIER)
                .from(SALES_ORDER).join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .where(condition).orderBy(SALES_ORDER.ID);
        List<? extends Record> orders = lockForUpdate ? query.forUpdate().of(SALES_ORDER).fetch() : query.fetch();
        return orders.stream().map(this::toOrder).toList();
    }

    private SalesOrder toOrder(Record order) {
        long id = order.get(SALES_ORDER.ID);
        List<OrderLine> lines = db.selectFrom(SALES_ORDER_LINE).where(SALES_ORDER_LINE.ORDER_ID.eq(id))
                .orderBy(SALES_ORDER_LINE.LINE_NO).fetch(line -> new OrderLine(id, line.getLineNo(), line.getSku(),
                        line.getQuantity(), line.getUnitPriceMinor(), Arrays.asList(line.getSerials())));
        return new SalesOrder(id, order.get(SALES_ORDER.CHANNEL), order.get(SALES_ORDER.ORDER_NUMBER),
                order.get(SALES_ORDER.CUSTOMER_ID), CustomerTier.valueOf(order.get(CUSTOMER.TIER)),
                order.get(SALES_ORDER.PLACED_AT), order.get(SALES_ORDER.DELIVERED_AT), order.get(SALES_ORDER.CURRENCY),
                order.get(SALES_ORDER.WAREHOUSE), lines);
    }
}
