package org.openreturns.returns;

import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The one query behind {@code GET /api/returns}, the workspace's returns list and its CSV export. */
@Repository
class ReturnSearchRepository {

    private static final Map<String, Field<?>> SORT_COLUMNS = Map.of(
            "requestedAt", RETURN_REQUEST.REQUESTED_AT,
            "rmaNumber", RETURN_REQUEST.RMA_NUMBER,
            "status", RETURN_REQUEST.STATUS,
            "statusChangedAt", RETURN_REQUEST.STATUS_CHANGED_AT);
    /** Refunds that are money owed or paid; a failed one is not. */
    private static final List<String> REFUND_COUNTED = List.of("HELD", "APPROVED", "RELEASED");

    private final DSLContext db;

    ReturnSearchRepository(DSLContext db) {
        this.db = db;
    }

    long count(ReturnSearch search) {
        return db.selectCount().from(RETURN_REQUEST)
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .where(conditions(search))
                .fetchSingle().value1();
    }

    /** The matching returns of one page, or from {@code offset} on at most {@code limit}. */
    List<ReturnListing> find(ReturnSearch search, long offset, int limit) {
        Field<Integer> units = DSL.select(DSL.sum(RETURN_LINE.QUANTITY).cast(Integer.class)).from(RETURN_LINE)
                .where(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID)).asField("units");
        Field<Long> refund = DSL.select(DSL.sum(REFUND.AMOUNT_MINOR).cast(Long.class)).from(REFUND)
                .where(REFUND.RETURN_ID.eq(RETURN_REQUEST.ID)).and(REFUND.STATUS.in(REFUND_COUNTED))
                .asField("refund");
        Field<String[]> reasons = DSL.select(DSL.arrayAggDistinct(RETURN_LINE.REASON_CODE)).from(RETURN_LINE)
                .where(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID)).and(RETURN_LINE.REASON_CODE.isNotNull())
                .asField("reasons");
        return db.select(RETURN_REQUEST.ID, RETURN_REQUEST.RMA_NUMBER, RETURN_REQUEST.STATUS,
                        RETURN_REQUEST.REQUESTED_AT, RETURN_REQUEST.STATUS_CHANGED_AT, SALES_ORDER.ORDER_NUMBER,
                        SALES_ORDER.CHANNEL, SALES_ORDER.WAREHOUSE, CUSTOMER.EMAIL, SALES_ORDER.CURRENCY, units,
                        refund, reasons)
                .from(RETURN_REQUEST)
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .where(conditions(search))
                .orderBy(order(search.sort()), RETURN_REQUEST.RMA_NUMBER.asc())
                .offset(offset).limit(limit)
                .fetch(row -> new ReturnListing(row.value1(), row.value2(), ReturnStatus.valueOf(row.value3()),
                        row.value4(), row.value5(), row.value6(), row.value7(), row.value8(), row.value9(),
                        row.value10(), row.value11() == null ? 0 : row.value11(), row.value12(),
                        row.value13() == null ? List.of() : Arrays.asList(row.value13())));
    }

    private static SortField<?> order(String sort) {
        boolean descending = sort.startsWith("-");
        Field<?> column = SORT_COLUMNS.get(descending ? sort.substring(1) : sort);
        return descending ? column.desc() : column.asc();
    }

    private static List<Condition> conditions(ReturnSearch search) {
        List<Condition> conditions = new ArrayList<>();
        if (search.rma() != null) {
            conditions.add(RETURN_REQUEST.RMA_NUMBER.containsIgnoreCase(search.rma()));
        }
        if (search.order() != null) {
            conditions.add(SALES_ORDER.ORDER_NUMBER.equalIgnoreCase(search.order()));
        }
        if (search.email() != null) {
            conditions.add(CUSTOMER.EMAIL.equalIgnoreCase(search.email()));
        }
        if (search.status() != null) {
            conditions.add(RETURN_REQUEST.STATUS.eq(search.status().name()));
        }
        if (search.channel() != null) {
            conditions.add(SALES_ORDER.CHANNEL.equalIgnoreCase(search.channel()));
        }
        if (search.warehouse() != null) {
            conditions.add(SALES_ORDER.WAREHOUSE.equalIgnoreCase(search.warehouse()));
        }
        if (search.reason() != null) {
            conditions.add(DSL.exists(DSL.selectOne().from(RETURN_LINE)
                    .where(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID))
                    .and(RETURN_LINE.REASON_CODE.eq(search.reason().name()))));
        }
        if (search.disposition() != null) {
            conditions.add(DSL.exists(DSL.selectOne().from(RETURN_LINE)
                    .where(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID))
                    .and(RETURN_LINE.DISPOSITION.eq(search.disposition().name()))));
        }
        if (search.from() != null) {
            conditions.add(RETURN_REQUEST.REQUESTED_AT.ge(startOf(search.from())));
        }
        if (search.to() != null) {
            conditions.add(RETURN_REQUEST.REQUESTED_AT.lt(startOf(search.to().plusDays(1))));
        }
        return conditions;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
