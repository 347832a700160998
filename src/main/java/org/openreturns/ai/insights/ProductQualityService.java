package org.openreturns.ai.insights;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openreturns.process.ProcessRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product quality signals per SKU, category and supplier, and the alerts that open an "Investigate product quality"
 * task for the managers. A window is compared with the {@link #BASELINE_WEEKS} weeks before it.
 */
@Service
public class ProductQualityService {

    static final int BASELINE_WEEKS = 12;
    private static final Logger log = LoggerFactory.getLogger(ProductQualityService.class);

    private final QualityCountsRepository counts;
    private final ProcessRuntime processes;
    private final Clock clock;

    ProductQualityService(QualityCountsRepository counts, ProcessRuntime processes, Clock clock) {
        this.counts = counts;
        this.processes = processes;
        this.clock = clock;
    }

    public record Insights(LocalDate from, LocalDate to, LocalDate baselineFrom, List<ProductSignal> signals,
                           List<QualityAlertView> alertsRaised) {
    }

    /** The signals of every scope with sales or returns in [from, to), those with alerts first. */
    @Transactional(readOnly = true)
    public Insights signals(LocalDate from, LocalDate to) {
        LocalDate baselineFrom = from.minusWeeks(BASELINE_WEEKS);
        List<ProductSignal> signals = counts.counts(start(baselineFrom), start(from), start(to)).stream()
                .map(QualitySignalDetector::signal)
                .sorted(Comparator.comparing((ProductSignal signal) -> signal.alerts().isEmpty())
                        .thenComparing(Comparator.comparingDouble(ProductSignal::rateZ).reversed()))
                .toList();
        return new Insights(from, to, baselineFrom, signals, counts.alerts(start(from), start(to)));
    }

    /**
     * Checks the last seven days against the weeks before and opens an investigation for each new alert; an alert
     * already raised this week is not raised again. Answers the new alerts' ids.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Long> checkLastWeek() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate week = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        OffsetDateTime from = now.minusDays(7);
        List<Long> raised = new ArrayList<>();
        for (ScopeCounts scope : counts.counts(from.minusWeeks(BASELINE_WEEKS), from, now)) {
            ProductSignal signal = QualitySignalDetector.signal(scope);
            for (ProductSignal.Alert alert : signal.alerts()) {
                counts.insertAlert(scope.scope(), scope.key(), alert, week, now).ifPresent(id -> {
                    open(id, scope, alert);
                    raised.add(id);
                });
            }
        }
        return raised;
    }

    private void open(long alertId, ScopeCounts scope, ProductSignal.Alert alert) {
        String about = scope.scope() + " " + scope.key() + ": " + (alert.reasonCode().isEmpty() ? "return rate"
                : alert.reasonCode() + " share");
        log.info("Product quality alert {}: {}", alertId, alert.evidence());
        processes.startProcess(ProductQualityProcess.PROCESS_ID, ProductQualityProcess.businessKey(alertId), Map.of(
                ProductQualityProcess.ALERT_ID, alertId,
                ProductQualityProcess.QUALITY_SCOPE, about,
                ProductQualityProcess.QUALITY_EVIDENCE, alert.evidence(),
                ProductQualityProcess.TASK_TITLE, "Investigate product quality: " + about));
    }

    /** Keeps what the manager found; a repeated step records it once. */
    @Transactional
    public void recordInvestigation(long alertId, String conclusion, String investigatedBy) {
        counts.recordInvestigation(alertId, conclusion, investigatedBy, OffsetDateTime.now(clock));
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
