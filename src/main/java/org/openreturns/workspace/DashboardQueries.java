package org.openreturns.workspace;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' figures, each one query over the records themselves (orders, return lines, stock moves, refunds,
 * escalations, balances), so that they add up to the ledgers: WorkspaceDashboardTest compares them with sums over
 * stock moves and journal lines. Written in SQL, as an analyst would read them.
 */
@Component
class DashboardQueries {

    /** Returns that hold no units: they count neither as returned nor in the mix. */
    private static final String VOIDED = "('REJECTED', 'EXPIRED', 'CANCELLED')";
    /** Dispositions whose move keeps value on the books: what the return recovered. */
    private static final String RECOVERING_MOVES = "('RESTOCK', 'REFURBISH', 'VENDOR_RETURN', 'LIQUIDATE')";
    /** The SQL of each dimension of the return rates, over sales_order so, sales_order_line sol and product p. */
    private static final Map<String, String> DIMENSION_SQL = Map.of(
            "channel", "so.channel", "sku", "sol.sku", "category", "p.category", "supplier", "p.supplier_code",
            "warehouse", "so.warehouse", "campaign", "coalesce(so.campaign_code, '–')");

    private final DSLContext db;

    DashboardQueries(DSLContext db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    Dashboard figures(LocalDate from, LocalDate to, String warehouse, String currency) {
        Period period = new Period(start(from), start(to.plusDays(1)), warehouse, currency);
        Map<String, List<Dashboard.RateRow>> rates = new LinkedHashMap<>();
        for (String dimension : Dashboard.DIMENSIONS) {
            rates.put(dimension, returnRates(dimension, period));
        }
        Record cycle = db.fetchOne("""
                select percentile_cont(0.5) within group (order by hours) as p50,
                       percentile_cont(0.9) within group (order by hours) as p90
                from (select extract(epoch from max(r.released_at) - rr.requested_at) / 3600 as hours
                      from refund r join return_request rr on rr.id = r.return_id
                      join sales_order so on so.id = rr.order_id
                      where r.status = 'RELEASED' and r.currency = ?
                        and (?::text is null or so.warehouse = ?)
                      group by rr.id, rr.requested_at
                      having max(r.released_at) >= ?::timestamptz and max(r.released_at) < ?::timestamptz) cycles
                """, currency, warehouse, warehouse, period.start, period.end);
        long recovered = number(db.fetchValue("""
                select coalesce(sum(m.value_minor - m.write_down_minor), 0)
                from stock_move m join return_request rr on rr.id::text = m.reference_id
                join sales_order so on so.id = rr.order_id
                where m.reference_type = 'RETURN' and m.reason in %s and m.currency = ?
                  and (?::text is null or so.warehouse = ?)
                  and m.moved_at >= ?::timestamptz and m.moved_at < ?::timestamptz
                """.formatted(RECOVERING_MOVES), currency, warehouse, warehouse, period.start, period.end));
        long refunded = number(db.fetchValue("""
                select coalesce(sum(r.amount_minor), 0)
                from refund r join return_request rr on rr.id = r.return_id join sales_order so on so.id = rr.order_id
                where r.status = 'RELEASED' and r.currency = ? and (?::text is null or so.warehouse = ?)
                  and r.released_at >= ?::timestamptz and r.released_at < ?::timestamptz
                """, currency, warehouse, warehouse, period.start, period.end));
        Map<String, Long> mix = counts(db.fetch("""
                select rl.disposition, sum(coalesce(rl.received_quantity, rl.quantity))
                from return_line rl join return_request rr on rr.id = rl.return_id
                join sales_order so on so.id = rr.order_id
                where rl.disposition is not null and so.currency = ? and (?::text is null or so.warehouse = ?)
                  and rr.requested_at >= ?::timestamptz and rr.requested_at < ?::timestamptz
                group by rl.disposition order by 2 desc
                """, currency, warehouse, warehouse, period.start, period.end));
        Map<String, Long> breaches = counts(db.fetch("""
                select e.stage, count(*)
                from sla_escalation e join return_request rr on rr.id = e.return_id
                join sales_order so on so.id = rr.order_id
                where so.currency = ? and (?::text is null or so.warehouse = ?)
                  and e.escalated_at >= ?::timestamptz and e.escalated_at < ?::timestamptz
                group by e.stage order by e.stage
                """, currency, warehouse, warehouse, period.start, period.end));
        Record quarantine = db.fetchOne("""
                select coalesce(sum(b.quantity), 0) as units, coalesce(sum(b.value_minor), 0) as value
                from stock_balance b join location l on l.id = b.location_id join product p on p.sku = b.sku
                where l.type = 'QUARANTINE' and p.currency = ? and (?::text is null or l.warehouse_code = ?)
                """, currency, warehouse, warehouse);
        return new Dashboard(from, to, warehouse, currency, rates, decimal(cycle.get("p50")),
                decimal(cycle.get("p90")), recovered, refunded, mix, breaches, number(quarantine.get("units")),
                number(quarantine.get("value")), weeks(period));
    }

    /** Orders placed in the period: units and value sold per key, and what came back of them. */
    private List<Dashboard.RateRow> returnRates(String dimension, Period period) {
        String orders = """
                from sales_order so join sales_order_line sol on sol.order_id = so.id join product p on p.sku = sol.sku
                where so.currency = ? and (?::text is null or so.warehouse = ?)
                  and so.placed_at >= ?::timestamptz and so.placed_at < ?::timestamptz
                """;
        String returned = """
                select %s as key, sum(rl.quantity), sum(rl.quantity * sol.unit_price_minor)
                from return_line rl join return_request rr on rr.id = rl.return_id
                join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                join sales_order so on so.id = rl.order_id join product p on p.sku = sol.sku
                where rr.status not in %s and so.currency = ? and (?::text is null or so.warehouse = ?)
                  and so.placed_at >= ?::timestamptz and so.placed_at < ?::timestamptz
                group by 1
                """;
        Object[] binds = {period.currency, period.warehouse, period.warehouse, period.start, period.end};
        Map<String, long[]> rows = new TreeMap<>();
        if (dimension.equals("reason")) {
            // Sold units have no reason: each reason's share is of everything sold in the period.
            Record sold = db.fetchOne("select sum(sol.quantity), sum(sol.quantity * sol.unit_price_minor) " + orders,
                    binds);
            for (Record row : db.fetch(returned.formatted("coalesce(rl.reason_code, '–')", VOIDED), binds)) {
                rows.put(row.get(0, String.class), new long[] {number(sold.get(0)), number(sold.get(1)),
                        number(row.get(1)), number(row.get(2))});
            }
        } else {
            String key = DIMENSION_SQL.get(dimension);
            for (Record row : db.fetch("select " + key + " as key, sum(sol.quantity), "
                    + "sum(sol.quantity * sol.unit_price_minor) " + orders + " group by 1", binds)) {
                rows.put(row.get(0, String.class), new long[] {number(row.get(1)), number(row.get(2)), 0, 0});
            }
            for (Record row : db.fetch(returned.formatted(key, VOIDED), binds)) {
                long[] figures = rows.computeIfAbsent(row.get(0, String.class), absent -> new long[4]);
                figures[2] = number(row.get(1));
                figures[3] = number(row.get(2));
            }
        }
        List<Dashboard.RateRow> result = new ArrayList<>();
        rows.forEach((key, figures) -> result.add(new Dashboard.RateRow(key, figures[0], figures[1], figures[2],
                figures[3])));
        result.sort((a, b) -> Long.compare(b.returnedUnits(), a.returnedUnits()));
        return result;
    }

    private List<Dashboard.Week> weeks(Period period) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (Record row : db.fetch("""
                select date_trunc('week', rr.requested_at at time zone 'UTC')::date, count(distinct rr.id),
                       sum(rl.quantity)
                from return_request rr join return_line rl on rl.return_id = rr.id
                join sales_order so on so.id = rr.order_id
                where rr.status not in %s and so.currency = ? and (?::text is null or so.warehouse = ?)
                  and rr.requested_at >= ?::timestamptz and rr.requested_at < ?::timestamptz
                group by 1
                """.formatted(VOIDED), period.currency, period.warehouse, period.warehouse, period.start,
                period.end)) {
            long[] week = weeks.computeIfAbsent(row.get(0, LocalDate.class), absent -> new long[3]);
            week[0] = number(row.get(1));
            week[1] = number(row.get(2));
        }
        for (Record row : db.fetch("""
                select date_trunc('week', r.released_at at time zone 'UTC')::date, sum(r.amount_minor)
                from refund r join return_request rr on rr.id = r.return_id join sales_order so on so.id = rr.order_id
                where r.status = 'RELEASED' and r.currency = ? and (?::text is null or so.warehouse = ?)
                  and r.released_at >= ?::timestamptz and r.released_at < ?::timestamptz
                group by 1
                """, period.currency, period.warehouse, period.warehouse, period.start, period.end)) {
            weeks.computeIfAbsent(row.get(0, LocalDate.class), absent -> new long[3])[2] = number(row.get(1));
        }
        List<Dashboard.Week> result = new ArrayList<>();
        weeks.forEach((monday, week) -> result.add(new Dashboard.Week(monday, week[0], week[1], week[2])));
        return result;
    }

    private record Period(OffsetDateTime start, OffsetDateTime end, String warehouse, String currency) {
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Map<String, Long> counts(Iterable<? extends Record> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Record row : rows) {
            counts.put(row.get(0, String.class), number(row.get(1)));
        }
        return counts;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
