package org.openreturns.ai.forecast;

import static org.openreturns.db.Tables.WEEKLY_RETURN_HISTORY;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Weekly returned units per product category of one warehouse: the imported history ({@code weekly_return_history})
 * plus the returns requested here (the order's warehouse, the product's category, the week of the request; rejected
 * and cancelled returns bring nothing back). Weeks start on Monday.
 */
@Repository
class ReturnVolumeRepository {

    private final DSLContext db;

    ReturnVolumeRepository(DSLContext db) {
        this.db = db;
    }

    /** Category -> week start -> returned units, for the weeks before {@code before}. */
    Map<String, Map<LocalDate, Integer>> weeklyReturns(String warehouse, LocalDate before) {
        Map<String, Map<LocalDate, Integer>> byCategory = new TreeMap<>();
        for (Record row : db.resultQuery("""
                select category, week_start, sum(units) as units from (
                    select category, week_start, units_returned as units
                    from weekly_return_history where warehouse = ?
                    union all
                    select p.category, date_trunc('week', rr.requested_at)::date, rl.quantity
                    from return_request rr
                    join sales_order so on so.id = rr.order_id
                    join return_line rl on rl.return_id = rr.id
                    join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                    join product p on p.sku = sol.sku
                    where so.warehouse = ? and rr.status not in ('REJECTED', 'CANCELLED')
                ) weeks
                where week_start < ?
                group by category, week_start
                order by category, week_start
                """, warehouse, warehouse, before).fetch()) {
            byCategory.computeIfAbsent(row.get("category", String.class), category -> new TreeMap<>())
                    .put(row.get("week_start", LocalDate.class), row.get("units", Integer.class));
        }
        return byCategory;
    }

    boolean hasHistory() {
        return db.fetchExists(WEEKLY_RETURN_HISTORY);
    }

    /** Adds imported weeks, a thousand rows a statement. */
    void insertHistory(List<DemoReturnHistory.Week> weeks) {
        for (int from = 0; from < weeks.size(); from += 1_000) {
            var insert = db.insertInto(WEEKLY_RETURN_HISTORY, WEEKLY_RETURN_HISTORY.WAREHOUSE,
                    WEEKLY_RETURN_HISTORY.CATEGORY, WEEKLY_RETURN_HISTORY.WEEK_START, WEEKLY_RETURN_HISTORY.UNITS_SOLD,
                    WEEKLY_RETURN_HISTORY.UNITS_RETURNED, WEEKLY_RETURN_HISTORY.CAMPAIGN_CODE);
            for (DemoReturnHistory.Week week : weeks.subList(from, Math.min(weeks.size(), from + 1_000))) {
                insert = insert.values(week.warehouse(), week.category(), week.weekStart(), week.unitsSold(),
                        week.unitsReturned(), week.campaignCode());
            }
            insert.execute();
        }
    }
}
