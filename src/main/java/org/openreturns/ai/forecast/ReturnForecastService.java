package org.openreturns.ai.forecast;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecasts a warehouse's weekly returned units per product category for the coming weeks, and from them the
 * receivers and inspectors it needs each working day.
 */
@Service
public class ReturnForecastService {

    private final ReturnVolumeRepository volumes;
    private final StaffingSettings staffing;
    private final Clock clock;

    ReturnForecastService(ReturnVolumeRepository volumes, StaffingSettings staffing, Clock clock) {
        this.volumes = volumes;
        this.staffing = staffing;
        this.clock = clock;
    }

    /** The forecast of one category: how it was made, from how many weeks, and the units expected each week. */
    public record CategoryForecast(String category, WeeklyForecaster.Method method, int historyWeeks,
                                   List<WeekUnits> weeks) {
    }

    public record WeekUnits(LocalDate weekStart, double units) {
    }

    public record ReturnForecast(String warehouse, LocalDate firstWeek, List<CategoryForecast> categories,
                                 List<WeekUnits> totals) {
    }

    /** The next {@code weeks} weeks, starting with the current one, learnt from the complete weeks before it. */
    @Transactional(readOnly = true)
    public ReturnForecast returns(String warehouse, int weeks) {
        LocalDate currentWeek = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<CategoryForecast> categories = new ArrayList<>();
        double[] totals = new double[weeks];
        for (var category : volumes.weeklyReturns(warehouse, currentWeek).entrySet()) {
            double[] history = series(category.getValue(), currentWeek);
            WeeklyForecaster.Forecast forecast = WeeklyForecaster.forecast(history, weeks);
            List<WeekUnits> units = new ArrayList<>();
            for (int i = 0; i < weeks; i++) {
                double rounded = Math.round(forecast.values()[i] * 10) / 10.0;
                units.add(new WeekUnits(currentWeek.plusWeeks(i), rounded));
                totals[i] += rounded;
            }
            categories.add(new CategoryForecast(category.getKey(), forecast.method(), history.length, units));
        }
        List<WeekUnits> totalUnits = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            totalUnits.add(new WeekUnits(currentWeek.plusWeeks(i), Math.round(totals[i] * 10) / 10.0));
        }
        return new ReturnForecast(warehouse, currentWeek, categories, totalUnits);
    }

    /** People needed on one working day, from the units expected that day. */
    public record StaffingDay(LocalDate date, double expectedUnits, int receivers, int inspectors,
                              double receivingHours, double inspectionHours) {
    }

    public record StaffingPlan(String warehouse, int productiveMinutesPerPersonDay, List<StaffingDay> days) {
    }

    /**
     * Each category's weekly forecast spread evenly over the warehouse's working days, times its minutes per unit to
     * receive and to inspect, divided by a person's productive minutes a day and rounded up.
     */
    @Transactional(readOnly = true)
    public StaffingPlan staffing(String warehouse, int weeks) {
        ReturnForecast forecast = returns(warehouse, weeks);
        List<StaffingDay> days = new ArrayList<>();
        int workingDaysPerWeek = staffing.workingDays().size();
        for (int week = 0; week < weeks; week++) {
            LocalDate weekStart = forecast.firstWeek().plusWeeks(week);
            for (int d = 0; d < 7; d++) {
                LocalDate date = weekStart.plusDays(d);
                if (!staffing.workingDays().contains(date.getDayOfWeek())) {
                    continue;
                }
                double units = 0;
                double receivingMinutes = 0;
                double inspectionMinutes = 0;
                for (CategoryForecast category : forecast.categories()) {
                    double perDay = category.weeks().get(week).units() / workingDaysPerWeek;
                    units += perDay;
                    receivingMinutes += perDay * staffing.receivingMinutes(category.category());
                    inspectionMinutes += perDay * staffing.inspectionMinutes(category.category());
                }
                days.add(new StaffingDay(date, Math.round(units * 10) / 10.0,
                        people(receivingMinutes), people(inspectionMinutes),
                        Math.round(receivingMinutes / 6) / 10.0, Math.round(inspectionMinutes / 6) / 10.0));
            }
        }
        return new StaffingPlan(warehouse, staffing.productiveMinutesPerPersonDay(), days);
    }

    private int people(double minutes) {
        return (int) Math.ceil(minutes / staffing.productiveMinutesPerPersonDay() - 1e-9);
    }

    /** The weeks from the first with data to the last complete one, a week without returns counting zero. */
    private static double[] series(Map<LocalDate, Integer> byWeek, LocalDate currentWeek) {
        LocalDate first = byWeek.keySet().iterator().next();
        int length = (int) ChronoUnit.WEEKS.between(first, currentWeek);
        double[] series = new double[length];
        byWeek.forEach((week, units) -> series[(int) ChronoUnit.WEEKS.between(first, week)] = units);
        return series;
    }
}
