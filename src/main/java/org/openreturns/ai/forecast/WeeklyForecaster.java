package org.openreturns.ai.forecast;

import java.util.Arrays;

/**
 * Forecasts a weekly series: Holt-Winters with a yearly season when the history is long enough for it, seasonal-naive
 * (the same week a year before) when there is at least one year, and the mean of the last four weeks below that.
 */
public final class WeeklyForecaster {

    public static final int WEEKS_PER_YEAR = 52;

    /** Which method produced a forecast. */
    public enum Method {
        HOLT_WINTERS, SEASONAL_NAIVE, RECENT_MEAN
    }

    public record Forecast(Method method, double[] values) {
    }

    private WeeklyForecaster() {
    }

    public static Forecast forecast(double[] history, int horizon) {
        if (history.length >= HoltWinters.minimumLength(WEEKS_PER_YEAR)) {
            return new Forecast(Method.HOLT_WINTERS,
                    HoltWinters.fit(history, WEEKS_PER_YEAR).forecast(history, horizon));
        }
        if (history.length >= WEEKS_PER_YEAR) {
            return new Forecast(Method.SEASONAL_NAIVE, seasonalNaive(history, horizon));
        }
        return new Forecast(Method.RECENT_MEAN, recentMean(history, horizon));
    }

    /** The value of the same week one (or more) years before. */
    public static double[] seasonalNaive(double[] history, int horizon) {
        double[] forecast = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            int sameWeekLastYear = history.length + h - 1 - WEEKS_PER_YEAR * ((h - 1) / WEEKS_PER_YEAR + 1);
            forecast[h - 1] = history[sameWeekLastYear];
        }
        return forecast;
    }

    private static double[] recentMean(double[] history, int horizon) {
        double mean = Arrays.stream(history, Math.max(0, history.length - 4), history.length).average().orElse(0);
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, mean);
        return forecast;
    }
}
