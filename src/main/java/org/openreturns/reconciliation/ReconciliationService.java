package org.openreturns.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openreturns.db.tables.records.ReconciliationBreakRecord;
import org.openreturns.process.ProcessRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the reconciliation checks and keeps the breaks they find: a new break is opened and an investigation
 * process started for it, a known one is updated, and one that a run no longer finds is cleared.
 */
@Service
public class ReconciliationService {

    public static final String BREAK_PROCESS_ID = "reconciliation-break";

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final ReconciliationChecks checks;
    private final ReconciliationRepository breaks;
    private final ProcessRuntime processRuntime;
    private final Clock clock;
    private final Duration returnsSla;

    ReconciliationService(ReconciliationChecks checks, ReconciliationRepository breaks, ProcessRuntime processRuntime,
                          Clock clock, @Value("${returns.reconciliation.returns-sla:PT48H}") Duration returnsSla) {
        this.checks = checks;
        this.breaks = breaks;
        this.processRuntime = processRuntime;
        this.clock = clock;
        this.returnsSla = returnsSla;
    }

    public record RunSummary(long runId, int breaksFound, int newBreaks, int cleared, long millis) {
    }

    @Transactional
    public RunSummary run(String startedBy) {
        breaks.waitForOtherRuns();
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long runId = breaks.startRun(startedBy, now);

        List<Finding> findings = new ArrayList<>();
        findings.addAll(checks.balancesAgainstMoves());
        findings.addAll(checks.valuesAgainstAccounts());
        findings.addAll(checks.returnMoves());
        findings.addAll(checks.overdueInReturns(now.minus(returnsSla)));
        findings.addAll(checks.refunds());
        findings.addAll(checks.countsAgainstLedger());
        findings.addAll(checks.channelStockAgainstAvailable());

        Map<String, ReconciliationBreakRecord> open = breaks.openBreaksByFingerprint();
        int newBreaks = 0;
        for (Finding finding : findings) {
            ReconciliationBreakRecord known = open.remove(finding.fingerprint());
            if (known != null) {
                breaks.seenAgain(known.getId(), finding, runId);
                continue;
            }
            long breakId = breaks.open(finding, runId, now);
            processRuntime.startProcess(BREAK_PROCESS_ID, "break-" + breakId, Map.of("breakId", String.valueOf(breakId)));
            newBreaks++;
        }
        for (ReconciliationBreakRecord gone : open.values()) {
            breaks.resolve(gone.getId(), BreakStatus.CLEARED, "reconciliation run " + runId, now,
                    "No longer found", null);
        }
        breaks.finishRun(runId, OffsetDateTime.now(clock), findings.size(), newBreaks);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        log.info("Reconciliation run {} by {}: {} breaks, {} new, {} cleared, in {} ms", runId, startedBy,
                findings.size(), newBreaks, open.size(), millis);
        return new RunSummary(runId, findings.size(), newBreaks, open.size(), millis);
    }

    @Transactional(readOnly = true)
    public List<BreakView> breaks(BreakStatus status) {
        return breaks.breaks(status).stream().map(BreakView::of).toList();
    }

    @Transactional(readOnly = true)
    public BreakView find(long breakId) {
        return breaks.find(breakId).map(BreakView::of).orElseThrow(() ->
                new org.openreturns.system.NotFoundException("breakId", "No reconciliation break " + breakId));
    }
}
