package org.openreturns.ai.forecast;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A rolling-origin backtest: for every origin from {@code firstOrigin} on, the method sees the weeks before the
 * origin only and forecasts the next {@code horizon}; its errors are compared with what happened. MASE scales each
 * absolute error by the in-sample mean absolute error of seasonal-naive on the weeks the method saw (below 1 beats
 * it in-sample); WAPE is the sum of absolute errors over the sum of actual units.
 */
public record RollingOriginBacktest(int firstOrigin, int horizon) {

    public record Score(double mase, double wape, int forecasts) {
        public String describe() {
            return String.format("MASE %.3f, WAPE %.3f (%d forecasts)", mase, wape, forecasts);
        }
    }

    public Score score(List<double[]> series, BiFunction<double[], Integer, double[]> method) {
        double scaledErrors = 0;
        double absoluteErrors = 0;
        double actualUnits = 0;
        int forecasts = 0;
        for (double[] weeks : series) {
            for (int origin = firstOrigin; origin + horizon <= weeks.length; origin++) {
                double[] seen = java.util.Arrays.copyOf(weeks, origin);
                double scale = seasonalNaiveInSampleError(seen);
                double[] predicted = method.apply(seen, horizon);
                for (int h = 0; h < horizon; h++) {
                    double error = Math.abs(weeks[origin + h] - predicted[h]);
                    scaledErrors += error / scale;
                    absoluteErrors += error;
                    actualUnits += weeks[origin + h];
                    forecasts++;
                }
            }
        }
        return new Score(scaledErrors / forecasts, absoluteErrors / actualUnits, forecasts);
    }

    private static double seasonalNaiveInSampleError(double[] seen) {
        int period = WeeklyForecaster.WEEKS_PER_YEAR;
        double sum = 0;
        for (int t = period; t < seen.length; t++) {
            sum += Math.abs(seen[t] - seen[t - period]);
        }
        return Math.max(1e-9, sum / (seen.length - period));
    }
}
