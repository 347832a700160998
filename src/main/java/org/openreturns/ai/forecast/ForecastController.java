package org.openreturns.ai.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openreturns.catalog.CatalogService;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.openreturns.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The return-volume forecast and the staffing it needs, for managers and the warehouse that plans its people. */
@RestController
@RequestMapping("/api/forecast")
class ForecastController {

    static final int MAXIMUM_WEEKS = 26;

    private final ReturnForecastService forecasts;
    private final CatalogService catalog;

    ForecastController(ReturnForecastService forecasts, CatalogService catalog) {
        this.forecasts = forecasts;
        this.catalog = catalog;
    }

    @GetMapping("/returns")
    ReturnForecastService.ReturnForecast returns(@RequestParam(required = false) String warehouse,
                                                 @RequestParam(required = false) String weeks) {
        return forecasts.returns(checkedWarehouse(warehouse, weeks), checkedWeeks(weeks));
    }

    @GetMapping("/staffing")
    ReturnForecastService.StaffingPlan staffing(@RequestParam(required = false) String warehouse,
                                                @RequestParam(required = false) String weeks) {
        return forecasts.staffing(checkedWarehouse(warehouse, weeks), checkedWeeks(weeks));
    }

    /** Checks both parameters, so that one answer names every problem. */
    private String checkedWarehouse(String warehouse, String weeks) {
        List<FieldProblem> problems = new ArrayList<>();
        if (warehouse == null || warehouse.isBlank()) {
            problems.add(new FieldProblem("warehouse", "is required"));
        } else {
            try {
                catalog.warehouse(warehouse);
            } catch (NotFoundException unknown) {
                problems.add(new FieldProblem("warehouse", "is not a known warehouse: " + warehouse));
            }
        }
        weeksProblem(weeks).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return warehouse;
    }

    private static int checkedWeeks(String weeks) {
        return weeks == null ? 8 : Integer.parseInt(weeks.strip());
    }

    private static Optional<FieldProblem> weeksProblem(String weeks) {
        if (weeks == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(weeks.strip());
            return value >= 1 && value <= MAXIMUM_WEEKS ? Optional.empty()
                    : Optional.of(new FieldProblem("weeks", "must be between 1 and " + MAXIMUM_WEEKS
                    + ", not " + value));
        } catch (NumberFormatException e) {
            return Optional.of(new FieldProblem("weeks", "must be a whole number of weeks, not " + weeks));
        }
    }
}
