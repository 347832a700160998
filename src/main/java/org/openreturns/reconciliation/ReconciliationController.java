package org.openreturns.reconciliation;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.openreturns.system.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReconciliationController {

    private final ReconciliationService reconciliation;
    private final StockReports reports;

    ReconciliationController(ReconciliationService reconciliation, StockReports reports) {
        this.reconciliation = reconciliation;
        this.reports = reports;
    }

    @PostMapping("/api/reconciliation/runs")
    @ResponseStatus(HttpStatus.CREATED)
    ReconciliationService.RunSummary run(Authentication caller) {
        Actor actor = Actor.of(caller);
        return reconciliation.run(actor.userId());
    }

    @GetMapping("/api/reconciliation/breaks")
    List<BreakView> breaks(@RequestParam(required = false) BreakStatus status) {
        return reconciliation.breaks(status);
    }

    @GetMapping("/api/reconciliation/breaks/{breakId}")
    BreakView breakById(@PathVariable long breakId) {
        return reconciliation.find(breakId);
    }

    @PostMapping("/api/stock-counts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> count(@Valid @RequestBody StockCountReport count, Authentication caller) {
        return Map.of("countId", reports.recordCount(count, caller.getName()));
    }

    @PostMapping("/api/channel-stock")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> channelStock(@Valid @RequestBody ChannelStockReport report, Authentication caller) {
        return Map.of("reportId", reports.recordChannelStock(report, caller.getName()));
    }
}
