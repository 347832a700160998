package org.openreturns.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * On the demo history, the forecast beats seasonal-naive (last year's same week) in a rolling-origin backtest over
 * the last half year, eight weeks ahead. The figures are in docs/benchmarks.md (ForecastBenchmark).
 */
class ForecastBacktestTest {

    @Test
    void theForecastBeatsSeasonalNaiveOnTheDemoHistory() {
        List<double[]> series = demoSeries(LocalDate.of(2026, 12, 5));
        // From week 78 on, the first origin with enough weeks (a year and a half) for Holt-Winters.
        RollingOriginBacktest backtest = new RollingOriginBacktest(78, 8);

        RollingOriginBacktest.Score forecast = backtest.score(series,
                (seen, horizon) -> WeeklyForecaster.forecast(seen, horizon).values());
        RollingOriginBacktest.Score seasonalNaive = backtest.score(series, WeeklyForecaster::seasonalNaive);
        System.out.println("Forecast: " + forecast.describe() + "; seasonal-naive: " + seasonalNaive.describe());

        assertThat(forecast.mase()).isLessThan(seasonalNaive.mase());
        assertThat(forecast.wape()).isLessThan(seasonalNaive.wape());
    }

    @Test
    void aShortHistoryIsForecastSeasonalNaiveOrByItsRecentMean() {
        double[] year = new double[60];
        for (int i = 0; i < year.length; i++) {
            year[i] = i;
        }
        WeeklyForecaster.Forecast seasonal = WeeklyForecaster.forecast(year, 3);
        assertThat(seasonal.method()).isEqualTo(WeeklyForecaster.Method.SEASONAL_NAIVE);
        assertThat(seasonal.values()).containsExactly(8, 9, 10);

        WeeklyForecaster.Forecast recent = WeeklyForecaster.forecast(new double[]{4, 10, 20, 30, 40}, 2);
        assertThat(recent.method()).isEqualTo(WeeklyForecaster.Method.RECENT_MEAN);
        assertThat(recent.values()).containsExactly(25, 25);
    }

    /** The weekly returned units of every warehouse and category of the demo history. */
    static List<double[]> demoSeries(LocalDate today) {
        Map<String, List<DemoReturnHistory.Week>> bySeries = DemoReturnHistory.generate(today).stream()
                .collect(Collectors.groupingBy(week -> week.warehouse() + "/" + week.category()));
        return bySeries.values().stream()
                .map(weeks -> weeks.stream().mapToDouble(DemoReturnHistory.Week::unitsReturned).toArray()).toList();
    }
}
