package org.openreturns.ai.insights;

import static org.openreturns.db.Tables.PRODUCT_QUALITY_ALERT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.openreturns.ai.insights.ScopeCounts.Scope;
import org.springframework.stereotype.Repository;

/**
 * Units sold (by order date) and returned (by request date, with their reason codes) per SKU, category and supplier,
 * in a window and in the baseline weeks before it; inspection grades in the window. Reads the orders, returns and
 * inspections; writes only the alerts.
 */
@Repository
class QualityCountsRepository {

    private final DSLContext db;

    QualityCountsRepository(DSLContext db) {
        this.db = db;
    }

    /** Every scope with sales or returns in the window, its baseline being [{@code baselineFrom}, {@code from}). */
    List<ScopeCounts> counts(OffsetDateTime baselineFrom, OffsetDateTime from, OffsetDateTime to) {
        Map<String, Builder> byScope = new TreeMap<>();
        for (Record row : db.resultQuery("""
                select p.sku, p.category, p.supplier_code,
                       coalesce(sum(sol.quantity) filter (where so.placed_at >= ?::timestamptz), 0) as now,
                       coalesce(sum(sol.quantity) filter (where so.placed_at < ?::timestamptz), 0) as before
                from sales_order so
                join sales_order_line sol on sol.order_id = so.id
                join product p on p.sku = sol.sku
                where so.placed_at >= ?::timestamptz and so.placed_at < ?::timestamptz
                group by p.sku, p.category, p.supplier_code
                """, from, from, baselineFrom, to).fetch()) {
            forEachScope(row, byScope, b -> {
                b.soldNow += row.get("now", Integer.class);
                b.soldBefore += row.get("before", Integer.class);
                return b;
            });
        }
        for (Record row : db.resultQuery("""
                select p.sku, p.category, p.supplier_code, coalesce(rl.reason_code, 'NOT_GIVEN') as reason,
                       coalesce(sum(rl.quantity) filter (where rr.requested_at >= ?::timestamptz), 0) as now,
                       coalesce(sum(rl.quantity) filter (where rr.requested_at < ?::timestamptz), 0) as before
                from return_request rr
                join return_line rl on rl.return_id = rr.id
                join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                join product p on p.sku = sol.sku
                where rr.requested_at >= ?::timestamptz and rr.requested_at < ?::timestamptz
                  and rr.status not in ('REJECTED', 'CANCELLED')
                group by p.sku, p.category, p.supplier_code, rl.reason_code
                """, from, from, baselineFrom, to).fetch()) {
            String reason = row.get("reason", String.class);
            int now = row.get("now", Integer.class);
            int before = row.get("before", Integer.class);
            forEachScope(row, byScope, b -> {
                b.returnedNow += now;
                b.returnedBefore += before;
                if (now > 0) {
                    b.reasonsNow.merge(reason, now, Integer::sum);
                }
                if (before > 0) {
                    b.reasonsBefore.merge(reason, before, Integer::sum);
                }
                return b;
            });
        }
        for (Record row : db.resultQuery("""
                select p.sku, p.category, p.supplier_code, i.grade, count(*) as units
                from inspection i
                join return_line rl on rl.return_id = i.return_id and rl.line_no = i.line_no
                join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
                join product p on p.sku = sol.sku
                where i.inspected_at >= ?::timestamptz and i.inspected_at < ?::timestamptz
                group by p.sku, p.category, p.supplier_code, i.grade
                """, from, to).fetch()) {
            String grade = row.get("grade", String.class);
            int units = row.get("units", Integer.class);
            forEachScope(row, byScope, b -> {
                b.grades.merge(grade, units, Integer::sum);
                return b;
            });
        }
        return byScope.values().stream().map(Builder::build).toList();
    }

    private static void forEachScope(Record row, Map<String, Builder> byScope, Function<Builder, Builder> add) {
        add.apply(byScope.computeIfAbsent("SKU:" + row.get("sku", String.class),
                key -> new Builder(Scope.SKU, row.get("sku", String.class))));
        add.apply(byScope.computeIfAbsent("CATEGORY:" + row.get("category", String.class),
                key -> new Builder(Scope.CATEGORY, row.get("category", String.class))));
        add.apply(byScope.computeIfAbsent("SUPPLIER:" + row.get("supplier_code", String.class),
                key -> new Builder(Scope.SUPPLIER, row.get("supplier_code", String.class))));
    }

    private static final class Builder {
        final Scope scope;
        final String key;
        int soldNow;
        int soldBefore;
        int returnedNow;
        int returnedBefore;
        final Map<String, Integer> reasonsNow = new HashMap<>();
        final Map<String, Integer> reasonsBefore = new HashMap<>();
        final Map<String, Integer> grades = new TreeMap<>();

        Builder(Scope scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        ScopeCounts build() {
            return new ScopeCounts(scope, key, soldNow, returnedNow, soldBefore, returnedBefore, reasonsNow,
                    reasonsBefore, grades);
        }
    }

    /** Records the alert unless the same one was raised this week; answers its id when it is new. */
    Optional<Long> insertAlert(ScopeCounts.Scope scope, String key, ProductSignal.Alert alert,
                               LocalDate weekStart, OffsetDateTime at) {
        return db.insertInto(PRODUCT_QUALITY_ALERT)
                .set(PRODUCT_QUALITY_ALERT.SCOPE, scope.name())
                .set(PRODUCT_QUALITY_ALERT.SCOPE_KEY, key)
                .set(PRODUCT_QUALITY_ALERT.KIND, alert.kind())
                .set(PRODUCT_QUALITY_ALERT.REASON_CODE, alert.reasonCode())
                .set(PRODUCT_QUALITY_ALERT.WEEK_START, weekStart)
                .set(PRODUCT_QUALITY_ALERT.EVIDENCE, alert.evidence())
                .set(PRODUCT_QUALITY_ALERT.Z_SCORE, BigDecimal.valueOf(Math.round(alert.z() * 100), 2))
                .set(PRODUCT_QUALITY_ALERT.RAISED_AT, at)
                .onConflictDoNothing()
                .returning(PRODUCT_QUALITY_ALERT.ID)
                .fetchOptional(PRODUCT_QUALITY_ALERT.ID);
    }

    /** Records the investigation of the alert once; answers whether it was recorded now. */
    boolean recordInvestigation(long alertId, String conclusion, String by, OffsetDateTime at) {
        return db.update(PRODUCT_QUALITY_ALERT)
                .set(PRODUCT_QUALITY_ALERT.CONCLUSION, conclusion)
                .set(PRODUCT_QUALITY_ALERT.INVESTIGATED_BY, by)
                .set(PRODUCT_QUALITY_ALERT.INVESTIGATED_AT, at)
                .where(PRODUCT_QUALITY_ALERT.ID.eq(alertId)).and(PRODUCT_QUALITY_ALERT.INVESTIGATED_AT.isNull())
                .execute() == 1;
    }

    /** The alerts raised in [from, to), newest first. */
    List<QualityAlertView> alerts(OffsetDateTime from, OffsetDateTime to) {
        List<QualityAlertView> alerts = new ArrayList<>();
        db.selectFrom(PRODUCT_QUALITY_ALERT)
                .where(PRODUCT_QUALITY_ALERT.RAISED_AT.ge(from)).and(PRODUCT_QUALITY_ALERT.RAISED_AT.lt(to))
                .orderBy(PRODUCT_QUALITY_ALERT.ID.desc())
                .forEach(row -> alerts.add(new QualityAlertView(row.getId(), row.getScope(), row.getScopeKey(),
                        row.getKind(), row.getReasonCode(), row.getWeekStart(), row.getEvidence(),
                        row.getZScore().doubleValue(), row.getRaisedAt(), row.getConclusion(),
                        row.getInvestigatedBy(), row.getInvestigatedAt())));
        return alerts;
    }
}
