package org.openreturns.tasks;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How urgent a task is, on Camunda 8's scale of 0 to 100 (50 when nothing stands out): more money at stake and a
 * customer waiting longer come first. Tasklist sorts by it; the API shows it.
 */
final class TaskPriority {

    static final int NORMAL = 50;
    /** At or above the high-value threshold: the money an approval guards. */
    private static final int HIGH_VALUE = 30;
    /** A fifth of the high-value threshold or more. */
    private static final int NOTABLE_VALUE = 15;
    private static final int PER_DAY_WAITING = 5;
    private static final int MOST_FOR_WAITING = 20;

    private TaskPriority() {
    }

    /**
     * @param atStake            the money the task decides on, in major units
     * @param highValueThreshold the lifecycle's high-value threshold, in major units
     * @param waiting            how long the customer has waited since the return was requested
     */
    static int of(BigDecimal atStake, BigDecimal highValueThreshold, Duration waiting) {
        int forValue = atStake.compareTo(highValueThreshold) >= 0 ? HIGH_VALUE
                : atStake.multiply(BigDecimal.valueOf(5)).compareTo(highValueThreshold) >= 0 ? NOTABLE_VALUE : 0;
        return Math.min(100, ofWaiting(waiting) + forValue);
    }

    /** For a task whose value is not known yet: urgent by waiting time alone. */
    static int ofWaiting(Duration waiting) {
        return NORMAL + (int) Math.min(MOST_FOR_WAITING, Math.max(0, waiting.toDays()) * PER_DAY_WAITING);
    }
}
