package org.openreturns.reconciliation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.openreturns.accounting.Accounts;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.PostingRules;
import org.openreturns.catalog.LocationType;
import org.springframework.stereotype.Repository;

/**
 * The checks of docs/specification/reconciliation.md, each one query over the ledgers that returns what disagrees. They
 * read only; what to do with a finding is the {@link ReconciliationService}'s business.
 */
@Repository
class ReconciliationChecks {

    private final DSLContext db;
    private final Journal journal;

    ReconciliationChecks(DSLContext db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /** Check 1: every balance equals the sum of the moves into and out of its place, and none is negative. */
    List<Finding> balancesAgainstMoves() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                with moved as (
                    select move.sku, side.location_id, sum(side.quantity) as quantity
                    from stock_move move
                    cross join lateral (values (move.to_location_id, move.quantity),
                                               (move.from_location_id, -move.quantity)) as side(location_id, quantity)
                    where side.location_id is not null
                    group by move.sku, side.location_id
                )
                select coalesce(b.sku, m.sku) as sku, l.id as location_id, l.warehouse_code, l.type,
                       coalesce(m.quantity, 0) as expected, coalesce(b.quantity, 0) as actual
                from moved m
                full join stock_balance b on b.sku = m.sku and b.location_id = m.location_id
                join location l on l.id = coalesce(b.location_id, m.location_id)
                where not l.virtual and (coalesce(m.quantity, 0) <> coalesce(b.quantity, 0) or m.quantity < 0)
                """).fetch()) {
            String sku = row.get("sku", String.class);
            long locationId = row.get("location_id", Long.class);
            String warehouse = row.get("warehouse_code", String.class);
            LocationType type = LocationType.valueOf(row.get("type", String.class));
            long expected = row.get("expected", Long.class);
            long actual = row.get("actual", Long.class);
            if (expected < 0) {
                findings.add(new Finding(CheckType.NEGATIVE_BALANCE, "NEGATIVE_BALANCE:" + sku + ":" + locationId,
                        sku, warehouse, type, null, null, 0, expected, "The moves of " + sku + " at " + warehouse
                        + " " + type + " add up to " + expected + ": more left than ever arrived"));
            }
            if (expected != actual) {
                findings.add(new Finding(CheckType.BALANCE_VS_MOVES, "BALANCE_VS_MOVES:" + sku + ":" + locationId,
                        sku, warehouse, type, null, null, expected, actual, "The balance of " + sku + " at "
                        + warehouse + " " + type + " is " + actual + ", its moves add up to " + expected));
            }
        }
        return findings;
    }

    /** Check 2: the value of the stock in the places of each inventory account equals the account's balance. */
    List<Finding> valuesAgainstAccounts() {
        Map<String, Long> stockValue = new TreeMap<>();
        for (Record row : db.resultQuery("""
                select l.type, sum(b.value_minor) as value
                from stock_balance b join location l on l.id = b.location_id
                where not l.virtual
                group by l.type
                """).fetch()) {
            LocationType type = LocationType.valueOf(row.get("type", String.class));
            stockValue.merge(PostingRules.accountOf(type, null), row.get("value", Long.class), Long::sum);
        }
        // Stock in vendor return is a claim on the supplier (1400) that outlives the stock: not an inventory account.
        Set<String> inventoryAccounts = new TreeSet<>();
        for (LocationType type : LocationType.values()) {
            if (!type.isVirtual() && type != LocationType.VENDOR_RETURN) {
                inventoryAccounts.add(PostingRules.accountOf(type, null));
            }
        }
        Map<String, Long> accounts = journal.accountBalances();
        List<Finding> findings = new ArrayList<>();
        for (String account : inventoryAccounts) {
            long expected = stockValue.getOrDefault(account, 0L);
            long actual = accounts.getOrDefault(account, 0L);
            if (expected != actual) {
                findings.add(new Finding(CheckType.VALUE_VS_ACCOUNT, "VALUE_VS_ACCOUNT:" + account, null, null, null,
                        account, null, expected, actual, "Account " + account + " holds " + actual
                        + " but the stock in its places is worth " + expected + " (quantity x moving average cost)"));
            }
        }
        return findings;
    }

    /** Check 3: each received return line has its receipt moves, each resolved line its disposition move. */
    List<Finding> returnMoves() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                select r.id, r.rma_number, rl.line_no, coalesce(rl.received_quantity, rl.quantity) as received,
                       coalesce(sum(m.quantity), 0) as moved
                from return_request r
                join return_line rl on rl.return_id = r.id
                left join stock_move m on m.reference_type = 'RETURN' and m.reference_id = r.id::text
                     and m.reference_line = rl.line_no and m.reason = 'RETURN_RECEIPT'
                where r.status in ('RECEIVED', 'INSPECTED', 'AWAITING_APPROVAL', 'RESOLVED', 'CLOSED', 'DISPUTED')
                group by r.id, r.rma_number, rl.line_no, rl.received_quantity, rl.quantity
                having coalesce(sum(m.quantity), 0) <> coalesce(rl.received_quantity, rl.quantity)
                """).fetch()) {
            String reference = row.get("id", String.class) + "#" + row.get("line_no", Integer.class);
            findings.add(new Finding(CheckType.RECEIPT_MOVE_MISSING, "RECEIPT_MOVE_MISSING:" + reference, null, null,
                    null, null, reference, row.get("received", Long.class), row.get("moved", Long.class),
                    "Return " + row.get("rma_number", String.class) + " line " + row.get("line_no", Integer.class)
                            + " was received, but its receipt moves carry " + row.get("moved", Long.class)
                            + " of " + row.get("received", Long.class) + " units"));
        }
        for (Record row : db.resultQuery("""
                select r.id, r.rma_number, rl.line_no, rl.disposition
                from return_request r
                join return_line rl on rl.return_id = r.id
                where r.status in ('RESOLVED', 'CLOSED') and rl.disposition is not null
                  and not exists (select 1 from stock_move m
                                  where m.reference_type = 'RETURN' and m.reference_id = r.id::text
                                    and m.reference_line = rl.line_no
                                    and m.reason in ('RESTOCK', 'REFURBISH', 'VENDOR_RETURN', 'LIQUIDATE', 'SCRAP',
                                                     'BLOCK'))
                """).fetch()) {
            String reference = row.get("id", String.class) + "#" + row.get("line_no", Integer.class);
            findings.add(new Finding(CheckType.DISPOSITION_MOVE_MISSING, "DISPOSITION_MOVE_MISSING:" + reference, null,
                    null, null, null, reference, 1, 0, "Return " + row.get("rma_number", String.class) + " line "
                    + row.get("line_no", Integer.class) + " was resolved as " + row.get("disposition", String.class)
                    + " but no disposition move took the unit out of returns"));
        }
        return findings;
    }

    /** Check 3: nothing waits in returns receiving or quarantine longer than the SLA allows. */
    List<Finding> overdueInReturns(OffsetDateTime cutoff) {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                select b.sku, b.location_id, l.warehouse_code, l.type, b.quantity, arrival.at as arrived
                from stock_balance b
                join location l on l.id = b.location_id
                cross join lateral (select max(m.moved_at) as at from stock_move m
                                    where m.sku = b.sku and m.to_location_id = b.location_id) as arrival
                where b.quantity > 0 and l.type in ('RETURNS_RECEIVING', 'QUARANTINE') and arrival.at < {0}
                """, org.jooq.impl.DSL.val(cutoff)).fetch()) {
            String sku = row.get("sku", String.class);
            findings.add(new Finding(CheckType.OVERDUE_IN_RETURNS, "OVERDUE_IN_RETURNS:" + sku + ":"
                    + row.get("location_id", Long.class), sku, row.get("warehouse_code", String.class),
                    LocationType.valueOf(row.get("type", String.class)), null, null, 0, row.get("quantity", Long.class),
                    row.get("quantity", Long.class) + " unit(s) of " + sku + " have waited in "
                            + row.get("type", String.class) + " at " + row.get("warehouse_code", String.class)
                            + " since " + row.get("arrived", OffsetDateTime.class) + ", past the SLA"));
        }
        return findings;
    }

    /**
     * Check 4: no money was released for a line whose inspection did not pass and that has no approved exception
     * (the rule the database enforces at release, checked again against later changes), no channel refunded a
     * customer against that rule either ({@link #channelRefunds}), and refunds payable equals what was approved and
     * not yet paid.
     */
    List<Finding> refunds() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                select f.id, f.return_id, f.return_line_no, f.amount_minor, r.rma_number
                from refund f join return_request r on r.id = f.return_id
                where f.status = 'RELEASED' and f.amount_minor > 0
                  and not refund_release_allowed(f.return_id, f.return_line_no)
                """).fetch()) {
            String reference = row.get("return_id", String.class) + "#" + row.get("return_line_no", Integer.class);
            long amount = row.get("amount_minor", Long.class);
            findings.add(new Finding(CheckType.REFUND_LEAKAGE, "REFUND_LEAKAGE:" + row.get("id", Long.class), null,
                    null, null, null, reference, 0, amount, "Refund " + row.get("id", Long.class) + " of "
                    + amount + " was released for return " + row.get("rma_number", String.class) + " line "
                    + row.get("return_line_no", Integer.class)
                    + ", whose inspection has not passed and which has no approved exception"));
        }
        findings.addAll(channelRefunds());
        long approvedNotPaid = db.resultQuery("""
                select coalesce(sum(amount_minor), 0) from refund where status in ('APPROVED', 'FAILED')
                """).fetchSingle().get(0, Long.class);
        // Refunds payable is a liability: its balance is credits minus debits.
        long payable = -journal.accountBalance(Accounts.REFUNDS_PAYABLE);
        if (payable != approvedNotPaid) {
            findings.add(new Finding(CheckType.REFUNDS_PAYABLE_MISMATCH, "REFUNDS_PAYABLE_MISMATCH:"
                    + Accounts.REFUNDS_PAYABLE, null, null, null, Accounts.REFUNDS_PAYABLE, null, approvedNotPaid,
                    payable, "Refunds payable (" + Accounts.REFUNDS_PAYABLE + ") is " + payable
                    + ", but refunds approved and not yet paid add up to " + approvedNotPaid));
        }
        return findings;
    }

    /**
     * Check 4, refunds the channels paid themselves (docs/channels.md, "Channel refunds"), each not reversed: one with
     * no return of its order line behind it; one paid before the return line was validated (its inspection passed or
     * an exception was approved); the channel refunds of a return line adding up to more than the refund decided for
     * it; and one of a line whose refund we paid through our own gateway as well (the customer was paid twice).
     */
    List<Finding> channelRefunds() {
        List<Finding> findings = new ArrayList<>();
        Set<String> overpaidLines = new TreeSet<>();
        for (Record row : db.resultQuery("""
                with counted as (
                    select c.id, c.channel, c.channel_refund_id, c.sku, c.amount_minor, c.currency, c.paid_at,
                           c.order_id, coalesce(c.return_id, later.return_id) as return_id,
                           coalesce(c.return_line_no, later.line_no) as return_line_no
                    from channel_refund c
                    left join lateral (select rl.return_id, rl.line_no
                                       from return_line rl join return_request r on r.id = rl.return_id
                                       where rl.order_id = c.order_id and rl.line_no = c.order_line_no
                                       order by r.requested_at limit 1) later on c.return_id is null
                    where c.reversed_at is null
                )
                select counted.*, o.order_number, r.rma_number, f.id as refund_id, f.amount_minor as decided_minor,
                       f.status as refund_status, f.gateway,
                       least(i.inspected_at, x.approved_at) as validated_at,
                       sum(counted.amount_minor) over (partition by counted.return_id, counted.return_line_no)
                           as line_total_minor
                from counted
                join sales_order o on o.id = counted.order_id
                left join return_request r on r.id = counted.return_id
                left join inspection i on i.return_id = counted.return_id and i.line_no = counted.return_line_no
                     and i.sku_matches and i.serial_matches is distinct from false
                left join lateral (select min(e.approved_at) as approved_at from refund_exception e
                                   where e.return_id = counted.return_id and e.return_line_no = counted.return_line_no
                                     and e.approved_by is not null) x on true
                left join refund f on f.return_id = counted.return_id and f.return_line_no = counted.return_line_no
                """).fetch()) {
            long id = row.get("id", Long.class);
            long amount = row.get("amount_minor", Long.class);
            String refund = "Channel refund " + row.get("channel_refund_id", String.class) + " of "
                    + row.get("channel", String.class) + " (" + amount + " " + row.get("currency", String.class)
                    + " for " + row.get("sku", String.class) + " of order " + row.get("order_number", String.class)
                    + ", paid " + row.get("paid_at", OffsetDateTime.class) + ")";
            String returnId = row.get("return_id", String.class);
            if (returnId == null) {
                findings.add(new Finding(CheckType.REFUND_LEAKAGE, "REFUND_LEAKAGE:channel-refund-" + id
                        + ":no-return", row.get("sku", String.class), null, null, null, "channel refund " + id, 0,
                        amount, refund + " has no return behind it: the order line was never returned"));
                continue;
            }
            String reference = returnId + "#" + row.get("return_line_no", Integer.class);
            String returned = "return " + row.get("rma_number", String.class) + " line "
                    + row.get("return_line_no", Integer.class);
            OffsetDateTime validatedAt = row.get("validated_at", OffsetDateTime.class);
            OffsetDateTime paidAt = row.get("paid_at", OffsetDateTime.class);
            if (validatedAt == null || paidAt.isBefore(validatedAt)) {
                findings.add(new Finding(CheckType.REFUND_LEAKAGE, "REFUND_LEAKAGE:channel-refund-" + id
                        + ":before-inspection", row.get("sku", String.class), null, null, null, reference, 0, amount,
                        refund + " was paid before " + returned + (validatedAt == null
                        ? " passed inspection or had an approved exception (neither has happened yet)"
                        : " was validated at " + validatedAt + " (inspection passed or exception approved)")));
            }
            Long decided = row.get("decided_minor", Long.class);
            long lineTotal = row.get("line_total_minor", Long.class);
            if (decided != null && lineTotal > decided && overpaidLines.add(reference)) {
                findings.add(new Finding(CheckType.REFUND_LEAKAGE, "REFUND_LEAKAGE:channel-refunds-over:"
                        + reference, row.get("sku", String.class), null, null, null, reference, decided, lineTotal,
                        "The channel refunds of " + returned + " add up to " + lineTotal + ", more than the "
                        + decided + " decided for it (refund " + row.get("refund_id", Long.class) + ")"));
            }
            String gateway = row.get("gateway", String.class);
            if ("RELEASED".equals(row.get("refund_status", String.class)) && decided != null && decided > 0
                    && (gateway == null || !gateway.startsWith("channel "))) {
                findings.add(new Finding(CheckType.REFUND_LEAKAGE, "REFUND_LEAKAGE:channel-refund-" + id
                        + ":paid-twice", row.get("sku", String.class), null, null, null, reference, 0, amount,
                        refund + " refunded the customer of " + returned + " again: refund "
                        + row.get("refund_id", Long.class) + " had already paid " + decided + " through " + gateway));
            }
        }
        return findings;
    }

    /**
     * Check 5: the latest count of each SKU in each place against the ledger as it stood when counted, plus the
     * adjustments already booked for that count.
     */
    List<Finding> countsAgainstLedger() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                with counted as (
                    select distinct on (c.warehouse_code, c.location_type, cl.sku)
                           c.id as count_id, c.warehouse_code, c.location_type, c.counted_at, cl.sku,
                           sum(cl.quantity) over (partition by c.id, cl.sku) as quantity
                    from stock_count c join stock_count_line cl on cl.count_id = c.id
                    order by c.warehouse_code, c.location_type, cl.sku, c.counted_at desc, c.id desc
                )
                select counted.count_id, counted.warehouse_code, counted.location_type, counted.sku,
                       counted.quantity as counted,
                       coalesce((select sum(case when m.to_location_id = l.id then m.quantity else -m.quantity end)
                                 from stock_move m
                                 where m.sku = counted.sku
                                   and (m.to_location_id = l.id or m.from_location_id = l.id)
                                   and (m.moved_at <= counted.counted_at
                                        or (m.reference_type = 'COUNT' and m.reference_id = counted.count_id::text))),
                                0) as ledger
                from counted
                join location l on l.warehouse_code = counted.warehouse_code and l.type = counted.location_type
                """).fetch()) {
            long counted = row.get("counted", Long.class);
            long ledger = row.get("ledger", Long.class);
            if (counted == ledger) {
                continue;
            }
            String sku = row.get("sku", String.class);
            long countId = row.get("count_id", Long.class);
            String warehouse = row.get("warehouse_code", String.class);
            LocationType type = LocationType.valueOf(row.get("location_type", String.class));
            findings.add(new Finding(CheckType.COUNT_VARIANCE, "COUNT_VARIANCE:" + countId + ":" + sku, sku,
                    warehouse, type, null, "count " + countId, ledger, counted, "Count " + countId + " found "
                    + counted + " of " + sku + " at " + warehouse + " " + type + ", the ledger had " + ledger));
        }
        return findings;
    }

    /**
     * Check 6: no channel shows more of a SKU than is available to sell across the warehouses (sellable stock less
     * what open orders reserve, as {@code StockLedger.availableToSell}), nor more than the figure last published to it
     * (see {@link #channelStockAgainstPublished()}).
     */
    List<Finding> channelStockAgainstAvailable() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                with reported as (
                    select distinct on (r.channel, l.sku) r.id as report_id, r.channel, l.sku, l.quantity
                    from channel_stock_report r join channel_stock_line l on l.report_id = r.id
                    order by r.channel, l.sku, r.reported_at desc, r.id desc
                )
                select reported.channel, reported.sku, reported.quantity as reported,
                       greatest(coalesce((select sum(b.quantity) from stock_balance b
                                          join location loc on loc.id = b.location_id
                                          where b.sku = reported.sku and loc.type = 'SELLABLE'), 0)
                                - (select coalesce(sum(r.reserved), 0) from order_line_reservation r
                                   where r.sku = reported.sku), 0) as available
                from reported
                """).fetch()) {
            long reported = row.get("reported", Long.class);
            long available = row.get("available", Long.class);
            if (reported <= available) {
                continue;
            }
            String channel = row.get("channel", String.class);
            String sku = row.get("sku", String.class);
            findings.add(new Finding(CheckType.PHANTOM_INVENTORY, "PHANTOM_INVENTORY:" + channel + ":" + sku, sku,
                    null, LocationType.SELLABLE, null, "channel " + channel, available, reported, channel + " shows " + reported
                    + " of " + sku + " for sale, but only " + available + " are available to sell"));
        }
        findings.addAll(channelStockAgainstPublished());
        return findings;
    }

    /**
     * Check 6, second half: a channel's latest report of a SKU shows no more than the figure it accepted last, when
     * that figure is the latest (nothing newer waits in the outbox) and was accepted before the report. Showing less
     * is normal: the channel sells from the figure before its orders reach the ledger. Showing more means it missed
     * or ignored an update, and can sell what is gone even while the ledger's total still covers it.
     */
    private List<Finding> channelStockAgainstPublished() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                with reported as (
                    select distinct on (r.channel, l.sku) r.channel, l.sku, l.quantity, r.reported_at
                    from channel_stock_report r join channel_stock_line l on l.report_id = r.id
                    order by r.channel, l.sku, r.reported_at desc, r.id desc
                )
                select reported.channel, reported.sku, reported.quantity as reported,
                       o.available_to_sell as published, o.delivered_sequence, o.delivered_at
                from reported
                join availability_outbox o on o.channel = reported.channel and o.sku = reported.sku
                where o.pending_since is null and o.delivered_at < reported.reported_at
                  and reported.quantity > o.available_to_sell
                """).fetch()) {
            String channel = row.get("channel", String.class);
            String sku = row.get("sku", String.class);
            long reported = row.get("reported", Long.class);
            long published = row.get("published", Long.class);
            findings.add(new Finding(CheckType.CHANNEL_ABOVE_PUBLISHED, "CHANNEL_ABOVE_PUBLISHED:" + channel + ":" + sku,
                    sku, null, LocationType.SELLABLE, null, "channel " + channel, published, reported, channel
                    + " shows " + reported + " of " + sku + " for sale, but was last told " + published
                    + " (sequence " + row.get("delivered_sequence", Long.class) + ", accepted "
                    + row.get("delivered_at", OffsetDateTime.class) + ")"));
        }
        return findings;
    }

    /**
     * Check 7: no order line shipped more units than were sold (ordered less cancelled), its {@code SALE_SHIPMENT}
     * moves carry the units its recorded shipments name, and every shipment's cost of goods sold in the journal (net
     * debits on 5000 of the entries of its moves) equals the value its moves took out of sellable stock.
     */
    List<Finding> shippedAgainstSold() {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                with moved as (
                    select m.reference_id as order_ref, m.reference_line as line_no, sum(m.quantity) as quantity
                    from stock_move m
                    where m.reason = 'SALE_SHIPMENT' and m.reference_type = 'ORDER'
                    group by m.reference_id, m.reference_line
                ),
                recorded as (
                    select s.order_id::text as order_ref, s.line_no, sum(s.quantity) as quantity
                    from order_shipment_line s
                    group by s.order_id, s.line_no
                ),
                shipped as (
                    select coalesce(moved.order_ref, recorded.order_ref) as order_ref,
                           coalesce(moved.line_no, recorded.line_no) as line_no,
                           coalesce(moved.quantity, 0) as moved, coalesce(recorded.quantity, 0) as recorded
                    from moved
                    full join recorded on recorded.order_ref = moved.order_ref and recorded.line_no = moved.line_no
                )
                select shipped.order_ref, shipped.line_no, shipped.moved, shipped.recorded, o.order_number, o.channel,
                       o.warehouse, l.sku, coalesce(l.quantity, 0) as ordered,
                       coalesce((select sum(c.quantity) from order_cancellation_line c
                                 where c.order_id = o.id and c.line_no = shipped.line_no), 0) as cancelled
                from shipped
                left join sales_order o on o.id::text = shipped.order_ref
                left join sales_order_line l on l.order_id = o.id and l.line_no = shipped.line_no
                """).fetch()) {
            long moved = row.get("moved", Long.class);
            long recorded = row.get("recorded", Long.class);
            long sold = row.get("ordered", Long.class) - row.get("cancelled", Long.class);
            long shipped = Math.max(moved, recorded);
            String orderNumber = row.get("order_number", String.class);
            String order = orderNumber == null ? "unknown order " + row.get("order_ref", String.class)
                    : "order " + orderNumber + " of " + row.get("channel", String.class);
            String reference = "order " + row.get("order_ref", String.class) + "#" + row.get("line_no", Integer.class);
            String fingerprint = "SHIPPED_VS_SOLD:" + row.get("order_ref", String.class) + "#"
                    + row.get("line_no", Integer.class);
            if (shipped > sold) {
                findings.add(new Finding(CheckType.SHIPPED_VS_SOLD, fingerprint, row.get("sku", String.class),
                        row.get("warehouse", String.class), null, null, reference, sold, shipped, "Line "
                        + row.get("line_no", Integer.class) + " of " + order + " shipped " + shipped + " unit(s) ("
                        + moved + " in shipment moves, " + recorded + " in recorded shipments) but sold " + sold));
            } else if (moved != recorded) {
                findings.add(new Finding(CheckType.SHIPPED_VS_SOLD, fingerprint, row.get("sku", String.class),
                        row.get("warehouse", String.class), null, null, reference, recorded, moved, "Line "
                        + row.get("line_no", Integer.class) + " of " + order + ": its shipment moves carry " + moved
                        + " unit(s), its recorded shipments " + recorded));
            }
        }
        for (Record row : db.resultQuery("""
                with shipment_move as (
                    select line.shipment_id, m.id, m.value_minor
                    from order_shipment_line line
                    left join lateral unnest(line.serials) as serial(value) on true
                    join stock_move m on m.idempotency_key = 'shipment-' || line.shipment_id || '-line-' || line.line_no
                                                             || coalesce('-serial-' || serial.value, '')
                ),
                moved as (
                    select shipment_id, sum(value_minor) as value from shipment_move group by shipment_id
                ),
                posted as (
                    select sm.shipment_id, sum(jl.debit_minor - jl.credit_minor) as cogs
                    from shipment_move sm
                    join journal_entry e on e.source_type = 'STOCK_MOVE' and e.source_id = sm.id::text
                    join journal_line jl on jl.entry_id = e.id and jl.account_code = {0}
                    group by sm.shipment_id
                )
                select s.shipment_id, s.warehouse, o.order_number, o.channel,
                       coalesce(moved.value, 0) as value, coalesce(posted.cogs, 0) as cogs
                from order_shipment s
                join sales_order o on o.id = s.order_id
                left join moved on moved.shipment_id = s.shipment_id
                left join posted on posted.shipment_id = s.shipment_id
                where coalesce(moved.value, 0) <> coalesce(posted.cogs, 0)
                """, org.jooq.impl.DSL.val(Accounts.COST_OF_GOODS_SOLD)).fetch()) {
            String shipmentId = row.get("shipment_id", String.class);
            long value = row.get("value", Long.class);
            long cogs = row.get("cogs", Long.class);
            findings.add(new Finding(CheckType.SHIPMENT_COGS_MISMATCH, "SHIPMENT_COGS_MISMATCH:" + shipmentId, null,
                    row.get("warehouse", String.class), LocationType.SELLABLE, Accounts.COST_OF_GOODS_SOLD,
                    "shipment " + shipmentId, value, cogs, "Shipment " + shipmentId + " of order "
                    + row.get("order_number", String.class) + " of " + row.get("channel", String.class)
                    + " took " + value + " out of sellable stock, but the journal holds " + cogs
                    + " of cost of goods sold (" + Accounts.COST_OF_GOODS_SOLD + ") for its moves"));
        }
        return findings;
    }

    /** Check 8: no transfer between warehouses was sent before the cutoff and is still not received. */
    List<Finding> transfersInTransit(OffsetDateTime cutoff) {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                select t.transfer_id, t.from_warehouse, t.to_warehouse, t.shipped_at,
                       (select coalesce(sum(l.quantity), 0) from stock_transfer_line l
                        where l.transfer_id = t.transfer_id) as units
                from stock_transfer t
                where t.received_at is null and t.shipped_at < {0}
                """, org.jooq.impl.DSL.val(cutoff)).fetch()) {
            String transferId = row.get("transfer_id", String.class);
            long units = row.get("units", Long.class);
            findings.add(new Finding(CheckType.TRANSFER_OVERDUE, "TRANSFER_OVERDUE:" + transferId, null,
                    row.get("to_warehouse", String.class), LocationType.IN_TRANSIT, null, "transfer " + transferId,
                    0, units, "Transfer " + transferId + " of " + units + " unit(s) from "
                    + row.get("from_warehouse", String.class) + " to " + row.get("to_warehouse", String.class)
                    + " was sent at " + row.get("shipped_at", OffsetDateTime.class)
                    + " and is still in transit, past the allowed time"));
        }
        return findings;
    }

    /**
     * Check 9: supplier receipts against the purchase orders they name. A line received beyond what was ordered, a
     * SKU received that its order does not have, receipts naming an order that is not registered, and an order
     * expected before the cutoff that is not closed and still has units outstanding.
     */
    List<Finding> receivedAgainstOrdered(OffsetDateTime overdueCutoff) {
        List<Finding> findings = new ArrayList<>();
        for (Record row : db.resultQuery("""
                with received as (
                    select r.purchase_order_id, rl.sku, sum(rl.quantity) as quantity, min(r.warehouse) as warehouse,
                           string_agg(distinct r.receipt_id, ', ' order by r.receipt_id) as receipts
                    from purchase_receipt r join purchase_receipt_line rl on rl.receipt_id = r.receipt_id
                    group by r.purchase_order_id, rl.sku
                )
                select received.purchase_order_id, received.sku, received.quantity as received, received.receipts,
                       o.warehouse, l.line_no, l.quantity as ordered
                from received
                join purchase_order o on o.purchase_order_id = received.purchase_order_id
                left join purchase_order_line l on l.purchase_order_id = received.purchase_order_id
                                                 and l.sku = received.sku
                where l.line_no is null or received.quantity > l.quantity
                """).fetch()) {
            String order = row.get("purchase_order_id", String.class);
            String sku = row.get("sku", String.class);
            long received = row.get("received", Long.class);
            Integer lineNo = row.get("line_no", Integer.class);
            String receipts = row.get("receipts", String.class);
            if (lineNo == null) {
                findings.add(new Finding(CheckType.RECEIVED_VS_ORDERED, "RECEIVED_VS_ORDERED:" + order + ":" + sku,
                        sku, row.get("warehouse", String.class), LocationType.SELLABLE, null, "purchase order " + order
                        + " " + sku, 0, received, received + " unit(s) of " + sku + " were received against purchase"
                        + " order " + order + ", which does not order " + sku + " (receipts " + receipts + ")"));
            } else {
                long ordered = row.get("ordered", Long.class);
                findings.add(new Finding(CheckType.RECEIVED_VS_ORDERED, "RECEIVED_VS_ORDERED:" + order + "#" + lineNo,
                        sku, row.get("warehouse", String.class), LocationType.SELLABLE, null, "purchase order " + order
                        + " line " + lineNo, ordered, received, "Line " + lineNo + " (" + sku + ") of purchase order "
                        + order + " received " + received + " unit(s), " + (received - ordered) + " more than the "
                        + ordered + " ordered (receipts " + receipts + ")"));
            }
        }
        for (Record row : db.resultQuery("""
                select r.purchase_order_id, min(r.warehouse) as warehouse, sum(rl.quantity) as received,
                       string_agg(distinct rl.sku, ', ' order by rl.sku) as skus,
                       string_agg(distinct r.receipt_id, ', ' order by r.receipt_id) as receipts
                from purchase_receipt r join purchase_receipt_line rl on rl.receipt_id = r.receipt_id
                where not exists (select 1 from purchase_order o where o.purchase_order_id = r.purchase_order_id)
                group by r.purchase_order_id
                """).fetch()) {
            String order = row.get("purchase_order_id", String.class);
            long received = row.get("received", Long.class);
            findings.add(new Finding(CheckType.RECEIVED_VS_ORDERED, "RECEIVED_VS_ORDERED:UNKNOWN_ORDER:" + order,
                    null, row.get("warehouse", String.class), LocationType.SELLABLE, null, "purchase order " + order,
                    0, received, "Receipts " + row.get("receipts", String.class) + " name purchase order " + order
                    + ", which is not registered: " + received + " unit(s) of " + row.get("skus", String.class)
                    + " received against nothing ordered"));
        }
        for (Record row : db.resultQuery("""
                select * from (
                    select o.purchase_order_id, o.supplier, o.warehouse, o.expected_at, l.line_no, l.sku,
                           l.quantity as ordered,
                           coalesce((select sum(rl.quantity)
                                     from purchase_receipt r
                                     join purchase_receipt_line rl on rl.receipt_id = r.receipt_id
                                     where r.purchase_order_id = o.purchase_order_id and rl.sku = l.sku), 0)
                               as received
                    from purchase_order o
                    join purchase_order_line l on l.purchase_order_id = o.purchase_order_id
                    where o.closed_at is null and o.expected_at < {0}
                ) line
                where line.received < line.ordered
                """, org.jooq.impl.DSL.val(overdueCutoff)).fetch()) {
            String order = row.get("purchase_order_id", String.class);
            int lineNo = row.get("line_no", Integer.class);
            String sku = row.get("sku", String.class);
            long ordered = row.get("ordered", Long.class);
            long received = row.get("received", Long.class);
            findings.add(new Finding(CheckType.RECEIVED_VS_ORDERED, "RECEIVED_VS_ORDERED:OVERDUE:" + order + "#"
                    + lineNo, sku, row.get("warehouse", String.class), LocationType.SELLABLE, null, "purchase order "
                    + order + " line " + lineNo, ordered, received, "Line " + lineNo + " (" + sku
                    + ") of purchase order " + order + " from " + row.get("supplier", String.class) + " was expected"
                    + " at " + row.get("expected_at", OffsetDateTime.class) + ": " + received + " of " + ordered
                    + " unit(s) received, " + (ordered - received) + " overdue; close the order if the rest will"
                    + " not come"));
        }
        return findings;
    }
}
