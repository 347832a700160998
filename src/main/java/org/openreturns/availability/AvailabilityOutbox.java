package org.openreturns.availability;

import static org.openreturns.db.Tables.AVAILABILITY_CHANNEL_STATE;
import static org.openreturns.db.Tables.AVAILABILITY_OUTBOX;
import static org.openreturns.db.Tables.SALES_CHANNEL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox of available-to-sell figures: one row per channel with an availability endpoint and SKU,
 * holding the latest figure. The stock ledger writes it in the transaction of its moves ({@link #publish}); the
 * {@link AvailabilityDelivery} worker sends what is pending, outside any transaction the ledger waits for.
 */
@Repository
public class AvailabilityOutbox {

    /** The first key of the advisory locks that order the figures of one SKU (the second is the SKU's hash). */
    private static final int SKU_LOCK_SPACE = 0x41544653;

    private final DSLContext db;

    AvailabilityOutbox(DSLContext db) {
        this.db = db;
    }

    /**
     * Locks the SKUs whose figures the caller's transaction is about to change, when any channel takes figures, and
     * answers whether one does (when none does, this is one cheap query and nothing is locked or written later).
     *
     * <p>Two transactions moving the same SKU in different warehouses lock no common balance row, and each would
     * compute the figure without the other's move. So the SKUs are locked (advisory locks held until commit, in one
     * global order) before the ledger locks its balances, and the figures are computed after the moves: under read
     * committed the later transaction then sees the earlier one's moves, and the figure with the higher sequence is
     * always the truer one. Taking them before the balances, and sorted, keeps a transaction that records several
     * batches (a resolution moves each line on its own, after checking all lines at once) from deadlocking with
     * another doing the same in another warehouse.
     */
    public boolean lockSkus(Collection<String> skus) {
        if (skus.isEmpty() || !db.fetchExists(SALES_CHANNEL, SALES_CHANNEL.AVAILABILITY_URL.isNotNull())) {
            return false;
        }
        // Sorted by lock key, not by SKU, so that two SKUs sharing a hash cannot be locked in opposite orders.
        Integer[] lockKeys = skus.stream().map(String::hashCode).distinct().sorted().toArray(Integer[]::new);
        db.resultQuery("select pg_advisory_xact_lock(?, key) from unnest(?::int[]) as key", SKU_LOCK_SPACE,
                lockKeys).fetch();
        return true;
    }

    /**
     * Writes the SKUs' new available-to-sell for every channel that takes figures, in the caller's transaction: the
     * figures exist exactly when the moves that changed them do. The SKUs are locked by {@link #lockSkus} in this
     * transaction already.
     *
     * @param availableToSell the ledger's own computation of the figures of the SKUs, all at once
     */
    public void publish(Collection<String> skus, Function<Collection<String>, Map<String, Integer>> availableToSell) {
        if (skus.isEmpty()) {
            return;
        }
        String[] sorted = skus.stream().distinct().sorted().toArray(String[]::new);
        Map<String, Integer> computed = availableToSell.apply(List.of(sorted));
        Integer[] figures = new Integer[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            figures[i] = computed.get(sorted[i]);
        }
        // One statement for the batch. A newer figure replaces a pending one and keeps its wait (a channel that is
        // down is not hammered because stock keeps moving); a figure equal to the row's latest changes nothing.
        db.execute("""
                insert into availability_outbox as o
                    (channel, sku, available_to_sell, sequence, as_of, pending_since, next_attempt_at)
                select c.code, f.sku, f.available_to_sell, nextval('availability_sequence'), statement_timestamp(),
                       statement_timestamp(), statement_timestamp()
                from unnest(?::text[], ?::int[]) as f(sku, available_to_sell)
                cross join sales_channel c
                where c.availability_url is not null
                order by c.code, f.sku
                on conflict (channel, sku) do update set
                    available_to_sell = excluded.available_to_sell,
                    sequence = excluded.sequence,
                    as_of = excluded.as_of,
                    pending_since = coalesce(o.pending_since, excluded.pending_since),
                    next_attempt_at = case when o.pending_since is null then excluded.next_attempt_at
                                           else o.next_attempt_at end,
                    attempts = case when o.pending_since is null then 0 else o.attempts end
                where o.available_to_sell is distinct from excluded.available_to_sell
                """, sorted, figures);
    }

    /** A figure claimed for sending, with where it goes. */
    record Claimed(String channel, String url, String token, AvailabilityFigure figure, int attempts) {
    }

    /**
     * Claims up to {@code limit} pending figures that are due, of channels not paused and still with an endpoint (a
     * channel whose endpoint was removed keeps its pending figures until it gets one again), for {@code claimFor}: rows
     * another worker is sending are skipped, not waited for, so several nodes can deliver at once. Commits at once
     * in the caller's short transaction; no lock is held while the figures are sent.
     */
    List<Claimed> claimDue(int limit, Duration claimFor) {
        return db.resultQuery("""
                with due as (
                    select o.channel, o.sku from availability_outbox o
                    join sales_channel c on c.code = o.channel and c.availability_url is not null
                    where o.pending_since is not null and o.next_attempt_at <= now()
                      and (o.claimed_until is null or o.claimed_until < now())
                      and not exists (select 1 from availability_channel_state s
                                      where s.channel = o.channel and s.paused_until > now())
                    order by o.next_attempt_at
                    limit ?
                    for update of o skip locked)
                update availability_outbox o set claimed_until = now() + ?::interval
                from due, sales_channel c
                where o.channel = due.channel and o.sku = due.sku and c.code = o.channel
                returning o.channel, c.availability_url, c.availability_token, o.sku, o.available_to_sell, o.as_of,
                          o.sequence, o.attempts
                """, limit, claimFor.toMillis() + " milliseconds").fetch(row -> new Claimed(
                row.get(0, String.class), row.get(1, String.class), row.get(2, String.class),
                new AvailabilityFigure(row.get(3, String.class), row.get(4, Integer.class),
                        row.get(5, OffsetDateTime.class), row.get(6, Long.class)), row.get(7, Integer.class)));
    }

    /**
     * The channel accepted these figures. A row stays pending when a newer figure replaced its figure meanwhile; that
     * one goes out next, without waiting. The channel's failures in a row end.
     */
    void delivered(String channel, List<AvailabilityFigure> figures) {
        db.execute("""
                update availability_outbox o set
                    delivered_sequence = d.sequence, delivered_at = now(), claimed_until = null,
                    pending_since = case when o.sequence = d.sequence then null else o.pending_since end,
                    attempts = 0, next_attempt_at = now()
                from unnest(?::text[], ?::bigint[]) as d(sku, sequence)
                where o.channel = ? and o.sku = d.sku
                """, figures.stream().map(AvailabilityFigure::sku).toArray(String[]::new),
                figures.stream().map(AvailabilityFigure::sequence).toArray(Long[]::new), channel);
        AvailabilityFigure last = figures.get(figures.size() - 1);
        db.insertInto(AVAILABILITY_CHANNEL_STATE)
                .set(AVAILABILITY_CHANNEL_STATE.CHANNEL, channel)
                .set(AVAILABILITY_CHANNEL_STATE.LAST_DELIVERED_AT, DSL.currentOffsetDateTime())
                .set(AVAILABILITY_CHANNEL_STATE.LAST_DELIVERED_SKU, last.sku())
                .set(AVAILABILITY_CHANNEL_STATE.LAST_DELIVERED_SEQUENCE, last.sequence())
                .onConflict(AVAILABILITY_CHANNEL_STATE.CHANNEL).doUpdate()
                .set(AVAILABILITY_CHANNEL_STATE.CONSECUTIVE_FAILURES, 0)
                .set(AVAILABILITY_CHANNEL_STATE.PAUSED_UNTIL, (OffsetDateTime) null)
                .set(AVAILABILITY_CHANNEL_STATE.LAST_DELIVERED_AT, DSL.currentOffsetDateTime())
                .set(AVAILABILITY_CHANNEL_STATE.LAST_DELIVERED_SKU, last.sku())
                .set(AVAILABILITY_CHANNEL_STATE.LAST_DELIVERED_SEQUENCE, last.sequence())
                .execute();
    }

    /** The figure was not accepted: it waits {@code retryIn}, with its error, and stays the one to send. */
    void failed(String channel, String sku, String error, Duration retryIn) {
        db.execute("""
                update availability_outbox set
                    attempts = attempts + 1, next_attempt_at = now() + ?::interval, claimed_until = null,
                    last_error = ?, last_error_at = now()
                where channel = ? and sku = ?
                """, retryIn.toMillis() + " milliseconds", error, channel, sku);
    }

    /** A delivery to the channel failed: one more failure in a row, and its error. Answers the failures in a row. */
    int channelFailed(String channel, String error) {
        return db.resultQuery("""
                insert into availability_channel_state as s (channel, consecutive_failures, last_error, last_error_at)
                values (?, 1, ?, now())
                on conflict (channel) do update set
                    consecutive_failures = s.consecutive_failures + 1,
                    last_error = excluded.last_error, last_error_at = excluded.last_error_at
                returning consecutive_failures
                """, channel, error).fetchOne(0, Integer.class);
    }

    /** The channel looks down: nothing is sent to it for {@code pause} (an existing longer pause stays). */
    void pauseChannel(String channel, Duration pause) {
        db.execute("""
                update availability_channel_state
                set paused_until = greatest(paused_until, now() + ?::interval)
                where channel = ?
                """, pause.toMillis() + " milliseconds", channel);
    }

    /** The delivery state of the channel, or empty when there is no such channel. */
    Optional<OutboxState> state(String channel) {
        return db.resultQuery("""
                select c.code, c.availability_url is not null,
                       (select count(*) from availability_outbox o
                        where o.channel = c.code and o.pending_since is not null),
                       (select min(o.pending_since) from availability_outbox o
                        where o.channel = c.code and o.pending_since is not null),
                       (select count(*) from availability_outbox o
                        where o.channel = c.code and o.pending_since is not null and o.attempts > 0),
                       s.paused_until, coalesce(s.consecutive_failures, 0), s.last_error, s.last_error_at,
                       s.last_delivered_at, s.last_delivered_sku, s.last_delivered_sequence, now()
                from sales_channel c left join availability_channel_state s on s.channel = c.code
                where c.code = ?
                """, channel).fetchOptional(row -> {
            OffsetDateTime oldest = row.get(3, OffsetDateTime.class);
            OffsetDateTime now = row.get(12, OffsetDateTime.class);
            return new OutboxState(row.get(0, String.class), row.get(1, Boolean.class), row.get(2, Long.class),
                    oldest, oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()),
                    row.get(4, Long.class), row.get(5, OffsetDateTime.class), row.get(6, Integer.class),
                    row.get(7, String.class), row.get(8, OffsetDateTime.class), row.get(9, OffsetDateTime.class),
                    row.get(10, String.class), row.get(11, Long.class));
        });
    }
}
