package org.openreturns.workspace;

import static org.openreturns.db.Tables.PARCEL_RECEIPT;
import static org.openreturns.db.Tables.PARCEL_RECEIPT_LINE;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.RECONCILIATION_BREAK;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_DISPUTE;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;
import static org.openreturns.db.Tables.SLA_ESCALATION;
import static org.openreturns.db.Tables.STOCK_MOVE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.openreturns.process.EngineIncidents;
import org.openreturns.returns.ReturnStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits where, as the exception queues page shows it: for each queue how many items, since when the oldest
 * waits, and the money at stake per currency. Read straight from the ledgers' and the lifecycle's tables (and the
 * engine's incidents through {@link EngineIncidents}), so the numbers are those of the records themselves.
 */
@Component
class ExceptionQueues {

    /** The engine's incidents are read up to this many; the page says "at least" when there are more. */
    static final int INCIDENT_LIMIT = 500;
    private static final Set<String> FINISHED = Set.of(ReturnStatus.CLOSED.name(), ReturnStatus.REJECTED.name(),
            ReturnStatus.EXPIRED.name(), ReturnStatus.CANCELLED.name());

    /** The queues, in the order of the page, with the groups whose work each is (managers see all). */
    enum Queue {
        QUARANTINE_AGING("warehouse", "quality"),
        PENDING_APPROVALS("finance"),
        DISPUTES(),
        UNEXPECTED_PARCELS("warehouse"),
        REFUNDS_HELD_OR_FAILED("finance"),
        RECONCILIATION_BREAKS("inventory-control", "finance"),
        SLA_ESCALATIONS(),
        ENGINE_INCIDENTS();

        private final List<String> groups;

        Queue(String... groups) {
            this.groups = List.of(groups);
        }

        boolean isWorkOf(Set<String> viewerGroups) {
            return viewerGroups.contains("manager") || groups.stream().anyMatch(viewerGroups::contains);
        }
    }

    /**
     * One queue's state.
     *
     * @param oldestSince when the item waiting longest started waiting; null when the queue is empty
     * @param value       money at stake per currency (minor units); empty where the queue has no money
     */
    record QueueState(Queue queue, long count, OffsetDateTime oldestSince, Duration oldestAge,
                      Map<String, Long> value) {
    }

    private final DSLContext db;
    private final EngineIncidents incidents;
    private final Clock clock;

    ExceptionQueues(DSLContext db, EngineIncidents incidents, Clock clock) {
        this.db = db;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The queues that are the work of the viewer's groups. */
    @Transactional(readOnly = true)
    List<QueueState> of(Set<String> viewerGroups) {
        List<QueueState> states = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            if (queue.isWorkOf(viewerGroups)) {
                states.add(state(queue));
            }
        }
        return states;
    }

    private QueueState state(Queue queue) {
        return switch (queue) {
            case QUARANTINE_AGING -> perCurrency(queue, quarantined());
            case PENDING_APPROVALS -> perCurrency(queue, returnsWhere(RETURN_REQUEST.STATUS_CHANGED_AT,
                    RETURN_REQUEST.STATUS.eq(ReturnStatus.AWAITING_APPROVAL.name()), null));
            case DISPUTES -> perCurrency(queue, returnsWhere(RETURN_DISPUTE.OPENED_AT,
                    RETURN_DISPUTE.RESOLVED_AT.isNull(), RETURN_DISPUTE));
            case UNEXPECTED_PARCELS -> perCurrency(queue, unexpectedParcels());
            case REFUNDS_HELD_OR_FAILED -> perCurrency(queue, db.select(REFUND.CURRENCY, DSL.count(),
                            DSL.min(REFUND.HELD_AT), DSL.sum(REFUND.AMOUNT_MINOR).cast(Long.class))
                    .from(REFUND).where(REFUND.STATUS.in("HELD", "FAILED")).groupBy(REFUND.CURRENCY));
            case RECONCILIATION_BREAKS -> perCurrency(queue, db.select(DSL.inline((String) null), DSL.count(),
                            DSL.min(RECONCILIATION_BREAK.OPENED_AT), DSL.inline((Long) null))
                    .from(RECONCILIATION_BREAK).where(RECONCILIATION_BREAK.STATUS.eq("OPEN")));
            case SLA_ESCALATIONS -> perCurrency(queue, returnsWhere(SLA_ESCALATION.ESCALATED_AT,
                    RETURN_REQUEST.STATUS.notIn(FINISHED), SLA_ESCALATION));
            case ENGINE_INCIDENTS -> engineIncidents();
        };
    }

    /** Units in quarantine on a return line that is still there, since the move that put them there. */
    private Select<Record4<String, Integer, OffsetDateTime, Long>> quarantined() {
        return db.select(STOCK_MOVE.CURRENCY, DSL.sum(STOCK_MOVE.QUANTITY).cast(Integer.class),
                        DSL.min(STOCK_MOVE.MOVED_AT), DSL.sum(STOCK_MOVE.VALUE_MINOR).cast(Long.class))
                .from(STOCK_MOVE)
                .join(RETURN_LINE).on(RETURN_LINE.RETURN_ID.cast(String.class).eq(STOCK_MOVE.REFERENCE_ID)
                        .and(RETURN_LINE.LINE_NO.eq(STOCK_MOVE.REFERENCE_LINE)))
                .where(STOCK_MOVE.REFERENCE_TYPE.eq("RETURN")).and(STOCK_MOVE.REASON.eq("QUARANTINE"))
                .and(RETURN_LINE.LOCATION_TYPE.eq("QUARANTINE"))
                .groupBy(STOCK_MOVE.CURRENCY);
    }

    /**
     * Returns meeting a condition (joined to {@code extra} where it lives there), since the given time, valued at
     * what the customer paid for the returned units.
     */
    private Select<Record4<String, Integer, OffsetDateTime, Long>> returnsWhere(
            Field<OffsetDateTime> since, Condition condition, Table<?> extra) {
        Field<Long> paid = DSL.select(DSL.sum(SALES_ORDER_LINE.UNIT_PRICE_MINOR.mul(RETURN_LINE.QUANTITY))
                        .cast(Long.class))
                .from(RETURN_LINE).join(SALES_ORDER_LINE).on(SALES_ORDER_LINE.ORDER_ID.eq(RETURN_LINE.ORDER_ID)
                        .and(SALES_ORDER_LINE.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .where(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID)).asField("paid");
        var from = extra == null ? RETURN_REQUEST
                : RETURN_REQUEST.join(extra).on(extra.field("return_id", UUID.class).eq(RETURN_REQUEST.ID));
        var perReturn = db.select(SALES_ORDER.CURRENCY.as("currency"), since.as("since"), paid)
                .from(from).join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .where(condition).asTable("waiting");
        return db.select(perReturn.field("currency", String.class), DSL.count(),
                        DSL.min(perReturn.field("since", OffsetDateTime.class)),
                        DSL.sum(perReturn.field("paid", Long.class)).cast(Long.class))
                .from(perReturn).groupBy(perReturn.field("currency", String.class));
    }

    /** Parcels nobody linked or quarantined yet, valued at the catalogue price of what was scanned. */
    private Select<Record4<String, Integer, OffsetDateTime, Long>> unexpectedParcels() {
        return db.select(PRODUCT.CURRENCY, DSL.countDistinct(PARCEL_RECEIPT.ID), DSL.min(PARCEL_RECEIPT.RECEIVED_AT),
                        DSL.sum(PRODUCT.PRICE_MINOR.mul(PARCEL_RECEIPT_LINE.QUANTITY)).cast(Long.class))
                .from(PARCEL_RECEIPT)
                .join(PARCEL_RECEIPT_LINE).on(PARCEL_RECEIPT_LINE.RECEIPT_ID.eq(PARCEL_RECEIPT.ID))
                .join(PRODUCT).on(PRODUCT.SKU.eq(PARCEL_RECEIPT_LINE.SKU))
                .where(PARCEL_RECEIPT.RETURN_ID.isNull()).and(PARCEL_RECEIPT.RESOLUTION.isNull())
                .groupBy(PRODUCT.CURRENCY);
    }

    private QueueState perCurrency(Queue queue, Select<? extends Record4<String, Integer, OffsetDateTime, Long>> rows) {
        long count = 0;
        OffsetDateTime oldest = null;
        Map<String, Long> value = new LinkedHashMap<>();
        for (Record row : db.fetch(rows)) {
            Integer rowCount = (Integer) row.get(1);
            OffsetDateTime since = (OffsetDateTime) row.get(2);
            Long minor = (Long) row.get(3);
            if (rowCount == null || rowCount == 0) {
                continue;
            }
            count += rowCount;
            oldest = oldest == null || (since != null && since.isBefore(oldest)) ? since : oldest;
            if (minor != null && row.get(0) != null) {
                value.merge(((String) row.get(0)).strip(), minor, Long::sum);
            }
        }
        return state(queue, count, oldest, value);
    }

    private QueueState engineIncidents() {
        List<EngineIncidents.Incident> open = incidents.open(INCIDENT_LIMIT);
        OffsetDateTime oldest = open.stream().map(EngineIncidents.Incident::createdAt).min(Comparator.naturalOrder())
                .map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null);
        return state(Queue.ENGINE_INCIDENTS, open.size(), oldest, Map.of());
    }

    private QueueState state(Queue queue, long count, OffsetDateTime oldest, Map<String, Long> value) {
        Duration age = oldest == null ? null : Duration.between(oldest.toInstant(), Instant.now(clock));
        return new QueueState(queue, count, oldest, age, value);
    }
}
