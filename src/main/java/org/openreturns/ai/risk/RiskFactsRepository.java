package org.openreturns.ai.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Counts a customer's history into {@link RiskFacts}, read straight from the orders, returns, receipts and
 * inspections as of the moment the return was requested. Analytic SQL, read-only: the tables belong to their
 * capabilities, this only reads them.
 */
@Repository
class RiskFactsRepository {

    /**
     * The letters of an e-mail address's local part without dots, digits, '_', '-' and a '+tag', then its domain:
     * {@code Anna.Smith+shop2@Mail.example} and {@code annasmith7@mail.example} share {@code annasmith@mail.example}.
     * The same expression is indexed in V12__ai_signals.sql.
     */
    private static final String EMAIL_PATTERN_OF = """
            (regexp_replace(regexp_replace(split_part(lower(%1$s), '@', 1), '\\+.*$', ''), '[.0-9_-]', '', 'g')
             || '@' || split_part(lower(%1$s), '@', 2))""";
    private static final String ADDRESS_KEY_OF = "lower(regexp_replace(%1$s, '[^[:alnum:]]', '', 'g'))";
    private static final String PHONE_KEY_OF = "regexp_replace(%1$s, '[^0-9]', '', 'g')";

    private final DSLContext db;

    RiskFactsRepository(DSLContext db) {
        this.db = db;
    }

    /** The customer and the moment a return was requested. */
    record Request(String customerId, OffsetDateTime requestedAt, OffsetDateTime deliveredAt) {
    }

    Request request(UUID returnId) {
        Record row = db.resultQuery("""
                select so.customer_id, rr.requested_at, so.delivered_at
                from return_request rr join sales_order so on so.id = rr.order_id
                where rr.id = ?::uuid
                """, returnId).fetchOne();
        if (row == null) {
            throw new IllegalStateException("No return has the id " + returnId);
        }
        return new Request(row.get("customer_id", String.class), row.get("requested_at", OffsetDateTime.class),
                row.get("delivered_at", OffsetDateTime.class));
    }

    RiskFacts facts(UUID returnId, BigDecimal defaultHighValueThreshold, List<String> apparelCategories) {
        Request request = request(returnId);
        String customer = request.customerId();
        OffsetDateTime at = request.requestedAt();
        OffsetDateTime from90 = at.minusDays(90);
        long defaultThresholdMinor = defaultHighValueThreshold.movePointRight(2).longValueExact();

        int unitsDelivered = db.resultQuery("""
                select coalesce(sum(sol.quantity), 0)
                from sales_order so join sales_order_line sol on sol.order_id = so.id
                where so.customer_id = ? and so.delivered_at > ?::timestamptz and so.delivered_at <= ?::timestamptz
                """, customer, from90, at).fetchOne(0, Integer.class);

        // Money in minor units of two-decimal currencies; a customer's orders share one currency in practice.
        Record returned = db.resultQuery("""
                select count(distinct rr.id) filter (where rr.id <> ?::uuid) as earlier_returns,
                       coalesce(sum(rl.quantity), 0) as units,
                       coalesce(sum(rl.quantity * sol.unit_price_minor), 0) as value_minor,
                       count(distinct rr.id) filter (
                           where sol.unit_price_minor >= coalesce(p.high_value_threshold_minor, ?::bigint)) as high_value
                from return_request rr
                join sales_order so on so.id = rr.order_id
                join return_line rl on rl.return_id = rr.id
                join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                join product p on p.sku = sol.sku
                where so.customer_id = ? and rr.requested_at > ?::timestamptz and rr.requested_at <= ?::timestamptz
                """, returnId, defaultThresholdMinor, customer, from90, at).fetchOne();

        int wardrobing = db.resultQuery("""
                select count(*)
                from return_request rr
                join sales_order so on so.id = rr.order_id
                join return_line rl on rl.return_id = rr.id
                join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                join product p on p.sku = sol.sku
                left join inspection i on i.return_id = rl.return_id and i.line_no = rl.line_no
                where so.customer_id = ? and rr.requested_at > ?::timestamptz and rr.requested_at <= ?::timestamptz
                  and rr.requested_at - so.delivered_at <= interval '14 days'
                  and p.category = any(?::text[])
                  and (rl.declared_condition = 'USED' or i.grade in ('C', 'D', 'E'))
                """, customer, at.minusDays(180), at, apparelCategories.toArray(String[]::new))
                .fetchOne(0, Integer.class);

        int serialMismatches = db.resultQuery("""
                select count(*)
                from inspection i
                join return_request rr on rr.id = i.return_id
                join sales_order so on so.id = rr.order_id
                join sales_order_line sol on sol.order_id = so.id and sol.line_no = i.line_no
                join product p on p.sku = sol.sku
                where so.customer_id = ? and rr.id <> ?::uuid and rr.requested_at <= ?::timestamptz
                  and (not i.sku_matches or (p.serialized and i.serial_matches is false))
                """, customer, returnId, at).fetchOne(0, Integer.class);

        int emptyOrUnderweight = db.resultQuery("""
                with parcels as (
                    select pr.id, pr.weight_grams, rr.id as return_id
                    from parcel_receipt pr
                    join return_request rr on rr.id = pr.return_id
                    join sales_order so on so.id = rr.order_id
                    where so.customer_id = ? and rr.id <> ?::uuid and pr.received_at <= ?::timestamptz
                ), expected as (
                    select pa.id, case when count(p.unit_weight_grams) = count(*)
                                       then sum(rl.quantity * p.unit_weight_grams) end as grams
                    from parcels pa
                    join return_line rl on rl.return_id = pa.return_id
                    join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                    join product p on p.sku = sol.sku
                    group by pa.id
                )
                select count(*) from parcels pa join expected e on e.id = pa.id
                where pa.weight_grams < 0.5 * e.grams
                   or exists (select 1 from parcel_receipt_line prl join product p on p.sku = prl.sku
                              where prl.receipt_id = pa.id
                                and prl.weight_grams < 0.5 * prl.quantity * p.unit_weight_grams)
                   or exists (select 1 from return_line rl
                              where rl.return_id = pa.return_id and rl.received_quantity = 0)
                """, customer, returnId, at).fetchOne(0, Integer.class);

        Record linked = db.resultQuery(("""
                with me as (select id, email, phone from customer where id = ?),
                my_addresses as (
                    select distinct %s as address from sales_order
                    where customer_id = ? and shipping_address is not null
                ),
                linked as (
                    select c.id from customer c, me
                    where c.id <> me.id
                      and (%s = %s
                           or (length(%s) >= 6 and %s = %s))
                    union
                    select so.customer_id from sales_order so
                    where so.customer_id <> ? and so.shipping_address is not null
                      and %s in (select address from my_addresses)
                )
                select (select count(*) from linked) as customers,
                       (select count(*) from return_request rr join sales_order so on so.id = rr.order_id
                        where so.customer_id in (select id from linked)
                          and rr.requested_at > ?::timestamptz and rr.requested_at <= ?::timestamptz) as returns
                """).formatted(ADDRESS_KEY_OF.formatted("shipping_address"),
                        EMAIL_PATTERN_OF.formatted("c.email"), EMAIL_PATTERN_OF.formatted("me.email"),
                        PHONE_KEY_OF.formatted("me.phone"), PHONE_KEY_OF.formatted("c.phone"),
                        PHONE_KEY_OF.formatted("me.phone"), ADDRESS_KEY_OF.formatted("so.shipping_address")),
                customer, customer, customer, from90, at).fetchOne();

        Integer daysFromDelivery = request.deliveredAt() == null ? null
                : (int) Math.max(0, Duration.between(request.deliveredAt(), at).toDays());
        return new RiskFacts(unitsDelivered, returned.get("units", Integer.class),
                returned.get("earlier_returns", Integer.class),
                returned.get("value_minor", Long.class) / 100.0, daysFromDelivery, wardrobing, serialMismatches,
                emptyOrUnderweight, returned.get("high_value", Integer.class), linked.get("customers", Integer.class),
                linked.get("returns", Integer.class));
    }
}
