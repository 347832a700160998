package org.openreturns.operations;

import static org.openreturns.db.Tables.RECONCILIATION_BREAK;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SLA_ESCALATION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jooq.DSLContext;
import org.openreturns.process.EngineProblems;
import org.openreturns.reconciliation.BreakStatus;
import org.openreturns.reconciliation.CheckType;
import org.openreturns.refunds.RefundStatus;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.SlaEscalations;
import org.openreturns.system.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures operations watch (docs/operations-metrics.md), computed from the database and the engine when
 * Prometheus scrapes {@code /actuator/prometheus}. One scrape reads every gauge; the gauges share one set of figures,
 * loaded with one query per figure and kept for {@code returns.metrics.cache-for}, so a scrape costs a handful of
 * grouped counts however many gauges there are, and several scrapers in a row cost nothing more.
 */
@Component
class OperationsMetrics implements MeterBinder {

    /** Statuses a return rests in for good: their age says nothing about waiting work. */
    private static final Set<ReturnStatus> AT_REST =
            Set.of(ReturnStatus.REJECTED, ReturnStatus.CLOSED, ReturnStatus.EXPIRED, ReturnStatus.CANCELLED);
    /** Refunds not paid yet: held until the return line is validated, approved, or failed at the gateway. */
    private static final List<RefundStatus> UNRELEASED =
            List.of(RefundStatus.HELD, RefundStatus.APPROVED, RefundStatus.FAILED);
    private static final String KEY = "figures";

    private final DSLContext db;
    private final Clock clock;
    private final LoadingCache<String, Figures> figures;
    private final LoadingCache<String, EngineFigures> engineFigures;
    private volatile MeterRegistry registry;

    OperationsMetrics(DSLContext db, EngineProblems engineProblems, Clock clock,
                      @Value("${returns.metrics.cache-for}") Duration cacheFor) {
        this.db = db;
        this.clock = clock;
        this.figures = Caffeine.newBuilder().expireAfterWrite(cacheFor).build(key -> load());
        // Apart from the database's figures: an engine that does not answer leaves the other gauges standing.
        this.engineFigures = Caffeine.newBuilder().expireAfterWrite(cacheFor)
                .build(key -> new EngineFigures(engineProblems.openIncidents(), engineProblems.failingJobs()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (ReturnStatus status : ReturnStatus.values()) {
            Gauge.builder("returns.by.status", () -> figures().returnsByStatus().getOrDefault(status, 0L))
                    .description("Returns in each status").tag("status", status.name()).register(registry);
            if (!AT_REST.contains(status)) {
                Gauge.builder("returns.oldest.in.status", () -> figures().oldestAgeByStatus().getOrDefault(status, 0L))
                        .description("How long the return that entered this status first has been waiting in it")
                        .baseUnit("seconds").tag("status", status.name()).register(registry);
            }
        }
        for (SlaEscalations.Stage stage : SlaEscalations.Stage.values()) {
            FunctionCounter.builder("returns.sla.escalations", this,
                            metrics -> metrics.figures().slaEscalationsByStage().getOrDefault(stage, 0L))
                    .description("Returns that ran past the SLA of a stage (each return once per stage)")
                    .tag("stage", stage.name()).register(registry);
        }
        for (CheckType check : CheckType.values()) {
            Gauge.builder("returns.reconciliation.breaks.open",
                            () -> figures().openBreaksByCheck().getOrDefault(check, 0L))
                    .description("Reconciliation breaks open now").tag("check", check.name()).register(registry);
        }
        Gauge.builder("returns.engine.incidents", () -> engineFigures.get(KEY).openIncidents())
                .description("Incidents open in the engine (Cockpit or Operate)").register(registry);
        Gauge.builder("returns.engine.jobs.failing", () -> engineFigures.get(KEY).failingJobs())
                .description("Jobs whose last attempt failed and that will be tried again").register(registry);
    }

    /**
     * Refunds are counted per currency, and currencies are not known in advance: a gauge is added for each
     * status and currency the figures show, so one first seen now appears from the next scrape on. (The figures are
     * not loaded while the registry is set up: the database may not be migrated yet.)
     */
    private void registerRefundGauges(Figures loaded) {
        if (registry == null) {
            return;
        }
        for (RefundKey key : loaded.unreleasedRefunds().keySet()) {
            Gauge.builder("returns.refunds.unreleased", () -> refunds(key).count())
                    .description("Refunds not released yet, by status and currency")
                    .tags("status", key.status().name(), "currency", key.currency()).register(registry);
            Gauge.builder("returns.refunds.unreleased.value", () -> refunds(key).value())
                    .description("What the refunds not released yet pay, in the currency's major unit")
                    .tags("status", key.status().name(), "currency", key.currency()).register(registry);
        }
    }

    private RefundFigure refunds(RefundKey key) {
        return figures().unreleasedRefunds().getOrDefault(key, new RefundFigure(0, 0));
    }

    private Figures figures() {
        return figures.get(KEY);
    }

    private Figures load() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<ReturnStatus, Long> byStatus = new HashMap<>();
        Map<ReturnStatus, Long> oldestAge = new HashMap<>();
        db.select(RETURN_REQUEST.STATUS, count(), min(RETURN_REQUEST.STATUS_CHANGED_AT))
                .from(RETURN_REQUEST).groupBy(RETURN_REQUEST.STATUS)
                .forEach(row -> {
                    ReturnStatus status = ReturnStatus.valueOf(row.value1());
                    byStatus.put(status, (long) row.value2());
                    oldestAge.put(status, Math.max(0, Duration.between(row.value3(), now).toSeconds()));
                });
        Map<SlaEscalations.Stage, Long> escalations = new HashMap<>();
        db.select(SLA_ESCALATION.STAGE, count()).from(SLA_ESCALATION).groupBy(SLA_ESCALATION.STAGE)
                .forEach(row -> escalations.put(SlaEscalations.Stage.valueOf(row.value1()), (long) row.value2()));
        Map<CheckType, Long> openBreaks = new HashMap<>();
        db.select(RECONCILIATION_BREAK.CHECK_TYPE, count()).from(RECONCILIATION_BREAK)
                .where(RECONCILIATION_BREAK.STATUS.eq(BreakStatus.OPEN.name()))
                .groupBy(RECONCILIATION_BREAK.CHECK_TYPE)
                .forEach(row -> openBreaks.put(CheckType.valueOf(row.value1()), (long) row.value2()));
        Map<RefundKey, RefundFigure> refunds = new HashMap<>();
        db.select(REFUND.STATUS, REFUND.CURRENCY, count(), sum(REFUND.AMOUNT_MINOR)).from(REFUND)
                .where(REFUND.STATUS.in(UNRELEASED.stream().map(Enum::name).toList()))
                .groupBy(REFUND.STATUS, REFUND.CURRENCY)
                .forEach(row -> refunds.put(new RefundKey(RefundStatus.valueOf(row.value1()), row.value2()),
                        new RefundFigure(row.value3(),
                                Money.fromMinorUnits(row.value4().longValue(), row.value2()).doubleValue())));
        Figures loaded = new Figures(byStatus, oldestAge, escalations, openBreaks, refunds);
        registerRefundGauges(loaded);
        return loaded;
    }

    private record Figures(Map<ReturnStatus, Long> returnsByStatus, Map<ReturnStatus, Long> oldestAgeByStatus,
                           Map<SlaEscalations.Stage, Long> slaEscalationsByStage,
                           Map<CheckType, Long> openBreaksByCheck, Map<RefundKey, RefundFigure> unreleasedRefunds) {
    }

    private record EngineFigures(long openIncidents, long failingJobs) {
    }

    private record RefundKey(RefundStatus status, String currency) {
    }

    private record RefundFigure(long count, double value) {
    }
}
