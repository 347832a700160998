package org.openreturns.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    private final Duration transitSla;
    private final Duration purchaseDeliveryGrace;

    ReconciliationService(ReconciliationChecks checks, ReconciliationRepository breaks, ProcessRuntime processRuntime,
                          Clock clock, @Value("${returns.reconciliation.returns-sla:PT48H}") Duration returnsSla,
                          @Value("${returns.reconciliation.transit-sla:P5D}") Duration transitSla,
                          @Value("${returns.reconciliation.purchase-delivery-grace:P7D}")
                          Duration purchaseDeliveryGrace) {
        this.checks = checks;
        this.breaks = breaks;
        this.processRuntime = processRuntime;
        this.clock = clock;
        this.returnsSla = returnsSla;
        this.transitSla = transitSla;
        this.purchaseDeliveryGrace = purchaseDeliveryGrace;
    }

    /** @param millisByCheck how long each check took, for whoever watches the run time grow with the ledger */
    public record RunSummary(long runId, int breaksFound, int newBreaks, int cleared, long millis,
                             Map<String, Long> millisByCheck) {
    }

    @Transactional
    public RunSummary run(String startedBy) {
        breaks.waitForOtherRuns();
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long runId = breaks.startRun(startedBy, now);

        List<Finding> findings = new ArrayList<>();
        Map<String, Long> millisByCheck = new LinkedHashMap<>();
        timed("balances against moves", checks::balancesAgainstMoves, findings, millisByCheck);
        timed("stock value against accounts", checks::valuesAgainstAccounts, findings, millisByCheck);
        timed("return receipt and disposition moves", checks::returnMoves, findings, millisByCheck);
        timed("overdue in returns", () -> checks.overdueInReturns(now.minus(returnsSla)), findings, millisByCheck);
        timed("refunds", checks::refunds, findings, millisByCheck);
        timed("counts against ledger", checks::countsAgainstLedger, findings, millisByCheck);
        timed("channel stock against available", checks::channelStockAgainstAvailable, findings, millisByCheck);
        timed("shipped against sold", checks::shippedAgainstSold, findings, millisByCheck);
        timed("transfers in transit", () -> checks.transfersInTransit(now.minus(transitSla)), findings,
                millisByCheck);
        timed("received against ordered", () -> checks.receivedAgainstOrdered(now.minus(purchaseDeliveryGrace)),
                findings, millisByCheck);

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
        log.info("Reconciliation run {} by {}: {} breaks, {} new, {} cleared, in {} ms {}", runId, startedBy,
                findings.size(), newBreaks, open.size(), millis, millisByCheck);
        return new RunSummary(runId, findings.size(), newBreaks, open.size(), millis, millisByCheck);
    }

    private static void timed(String check, Supplier<List<Finding>> run, List<Finding> findings,
                              Map<String, Long> millisByCheck) {
        long started = System.nanoTime();
        findings.addAll(run.get());
        millisByCheck.put(check, Duration.ofNanos(System.nanoTime() - started).toMillis());
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
