package org.openreturns.workspace;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openreturns.system.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards over a chosen period (the last 4 weeks unless chosen): return rates by dimension, refund cycle
 * time, recovery, disposition mix, SLA breaches, value in quarantine and weekly trends; the table behind each
 * return-rate chart downloads as CSV.
 */
@Controller
class DashboardPages {

    private final DashboardQueries queries;
    private final Clock clock;

    DashboardPages(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** What the page was asked for: a period, maybe one warehouse, one currency; or the problems with it. */
    private record Choice(LocalDate from, LocalDate to, String warehouse, String currency,
                          List<FieldProblem> problems) {
    }

    @GetMapping("/app/dashboards")
    String dashboards(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String warehouse,
                      @RequestParam(required = false) String currency, Model model) {
        Choice choice = choice(from, to, warehouse, currency);
        model.addAttribute("choice", choice);
        model.addAttribute("dimensions", Dashboard.DIMENSIONS);
        model.addAttribute("dashboard", choice.problems().isEmpty()
                ? queries.figures(choice.from(), choice.to(), choice.warehouse(), choice.currency()) : null);
        return "workspace/dashboards";
    }

    /** The return rates of one dimension: the table behind its chart. */
    @GetMapping("/app/dashboards/return-rates.csv")
    void returnRates(@RequestParam String dimension, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String warehouse,
                     @RequestParam(required = false) String currency, HttpServletResponse response)
            throws IOException {
        Choice choice = choice(from, to, warehouse, currency);
        if (!Dashboard.DIMENSIONS.contains(dimension)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "dimension must be one of " + Dashboard.DIMENSIONS);
            return;
        }
        if (!choice.problems().isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, FieldProblem.describe(choice.problems()));
            return;
        }
        Dashboard dashboard = queries.figures(choice.from(), choice.to(), choice.warehouse(), choice.currency());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"return-rates-" + dimension + "-"
                + choice.from() + "-" + choice.to() + ".csv\"");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(dimension, "sold_units", "sold_value",
                "returned_units", "returned_value", "currency").get();
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), format)) {
            for (Dashboard.RateRow row : dashboard.returnRates().get(dimension)) {
                csv.printRecord(row.key(), row.soldUnits(), Formats.decimal(row.soldMinor(), choice.currency()),
                        row.returnedUnits(), Formats.decimal(row.returnedMinor(), choice.currency()),
                        choice.currency());
            }
        }
    }

    private Choice choice(String from, String to, String warehouse, String currency) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate last = date("to", to, today, problems);
        LocalDate first = date("from", from, last.minusDays(27), problems);
        if (last.isBefore(first)) {
            problems.add(new FieldProblem("to", "must not be before from (" + first + ")"));
        }
        String code = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase();
        if (!code.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem("currency", "must be a currency code such as EUR, not " + currency));
            code = "EUR";
        }
        return new Choice(first, last, warehouse == null || warehouse.isBlank() ? null : warehouse.strip(), code,
                problems);
    }

    private static LocalDate date(String name, String text, LocalDate absent, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date as 2026-12-31, not " + text));
            return absent;
        }
    }
}
