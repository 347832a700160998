package org.openreturns.marketplaces;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A marketplace's order and return reports, uploaded as they were downloaded: the body is the file itself
 * ({@code text/csv} or {@code text/tab-separated-values}), read as a stream rather than taken into memory. The answer
 * counts what was taken and what became a dead letter; the same report again takes nothing twice.
 */
@RestController
@RequestMapping("/api/channels/{code}")
class MarketplaceReportController {

    private final MarketplaceReports reports;

    MarketplaceReportController(MarketplaceReports reports) {
        this.reports = reports;
    }

    /** @param reportId the marketplace's report id or the file's name; the orders' messages are named after it */
    @PostMapping(path = "/order-reports", consumes = {"text/csv", "text/tab-separated-values"})
    MarketplaceReports.OrderReport orderReport(@PathVariable String code, @RequestParam String reportId,
                                               @RequestParam String warehouse, HttpServletRequest request,
                                               Authentication caller) throws IOException {
        List<FieldProblem> problems = checkReportId(reportId);
        if (warehouse.isBlank() || warehouse.length() > 32) {
            problems.add(new FieldProblem("warehouse", "must be 1 to 32 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return reports.importOrders(code, reportId, warehouse, request.getInputStream(), caller.getName());
    }

    @PostMapping(path = "/return-reports", consumes = {"text/csv", "text/tab-separated-values"})
    MarketplaceReports.ReturnReport returnReport(@PathVariable String code, @RequestParam String reportId,
                                                 HttpServletRequest request, Authentication caller)
            throws IOException {
        List<FieldProblem> problems = checkReportId(reportId);
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return reports.importReturns(code, reportId, request.getInputStream(), caller.getName());
    }

    private static List<FieldProblem> checkReportId(String reportId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reportId.isBlank() || reportId.length() > 100 || reportId.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("reportId", "must be 1 to 100 characters without control characters"));
        }
        return problems;
    }
}
