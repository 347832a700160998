package org.openreturns.ai.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Additive Holt-Winters (ETS(A,A,A)): level, trend and a seasonal component of {@code period} weeks, each updated by
 * exponential smoothing. The three smoothing parameters are fitted by minimising the one-step-ahead squared error
 * with Nelder-Mead (commons-math3); a damping factor keeps the trend from running away over the horizon. Needs at
 * least {@link #minimumLength(int)} observations: one season to start the seasonal component and half a season to
 * fit on.
 */
final class HoltWinters {

    /** Trend damping per step: a trend fitted on two years should flatten, not compound, over eight weeks. */
    private static final double DAMPING = 0.9;

    private final int period;
    private final double alpha;
    private final double beta;
    private final double gamma;

    private HoltWinters(int period, double alpha, double beta, double gamma) {
        this.period = period;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
    }

    static int minimumLength(int period) {
        return period + period / 2;
    }

    /** Fits the smoothing parameters to the series. */
    static HoltWinters fit(double[] series, int period) {
        if (series.length < minimumLength(period)) {
            throw new IllegalArgumentException("Holt-Winters with a period of " + period + " needs at least "
                    + minimumLength(period) + " observations, not " + series.length);
        }
        // Parameters are searched on the whole real line and squashed into (0, 1), so the search needs no bounds.
        MultivariateFunction error = point -> new HoltWinters(period, squash(point[0]), squash(point[1]),
                squash(point[2])).sumOfSquaredErrors(series);
        PointValuePair best = new SimplexOptimizer(1e-6, 1e-8).optimize(new MaxEval(2_000),
                new ObjectiveFunction(error), GoalType.MINIMIZE, new InitialGuess(new double[]{-1, -3, -2}),
                new NelderMeadSimplex(3));
        double[] point = best.getPoint();
        return new HoltWinters(period, squash(point[0]), squash(point[1]), squash(point[2]));
    }

    private static double squash(double value) {
        return 1 / (1 + Math.exp(-value));
    }

    /** The next {@code horizon} values after the series, never below zero. */
    double[] forecast(double[] series, int horizon) {
        State state = run(series);
        double[] forecast = new double[horizon];
        double dampedTrend = 0;
        for (int h = 1; h <= horizon; h++) {
            dampedTrend += Math.pow(DAMPING, h) * state.trend;
            double seasonal = state.seasonal[(series.length + h - 1) % period];
            forecast[h - 1] = Math.max(0, state.level + dampedTrend + seasonal);
        }
        return forecast;
    }

    private double sumOfSquaredErrors(double[] series) {
        return run(series).squaredErrors;
    }

    private static final class State {
        double level;
        double trend;
        double[] seasonal;
        double squaredErrors;
    }

    /** Starts from the first season (level its mean, no trend) and smooths through the rest. */
    private State run(double[] series) {
        State state = new State();
        double firstSeasonMean = 0;
        for (int i = 0; i < period; i++) {
            firstSeasonMean += series[i] / period;
        }
        state.level = firstSeasonMean;
        state.trend = 0;
        state.seasonal = new double[period];
        for (int i = 0; i < period; i++) {
            state.seasonal[i] = series[i] - firstSeasonMean;
        }
        for (int t = period; t < series.length; t++) {
            double seasonal = state.seasonal[t % period];
            double predicted = state.level + DAMPING * state.trend + seasonal;
            double error = series[t] - predicted;
            state.squaredErrors += error * error;
            double previousLevel = state.level;
            state.level = alpha * (series[t] - seasonal) + (1 - alpha) * (previousLevel + DAMPING * state.trend);
            state.trend = beta * (state.level - previousLevel) + (1 - beta) * DAMPING * state.trend;
            state.seasonal[t % period] = gamma * (series[t] - state.level) + (1 - gamma) * seasonal;
        }
        return state;
    }
}
