package org.openreturns.ai.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product quality signals for managers and quality. */
@RestController
@RequestMapping("/api/insights")
class InsightsController {

    static final int MAXIMUM_DAYS = 366;

    private final ProductQualityService quality;
    private final Clock clock;

    InsightsController(ProductQualityService quality, Clock clock) {
        this.quality = quality;
        this.clock = clock;
    }

    /** Signals of [from, to) (ISO dates); by default the last four weeks up to today. */
    @GetMapping("/products")
    ProductQualityService.Insights products(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate end = date("to", to, problems);
        LocalDate start = date("from", from, problems);
        if (problems.isEmpty()) {
            end = end == null ? LocalDate.now(clock).plusDays(1) : end;
            start = start == null ? end.minusWeeks(4) : start;
            if (!start.isBefore(end)) {
                problems.add(new FieldProblem("from", "must be before to (" + end + ")"));
            } else if (start.plusDays(MAXIMUM_DAYS).isBefore(end)) {
                problems.add(new FieldProblem("from", "must be at most " + MAXIMUM_DAYS + " days before to"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return quality.signals(start, end);
    }

    private static LocalDate date(String name, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date such as 2026-11-30, not " + value));
            return null;
        }
    }
}
