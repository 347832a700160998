package org.openreturns.ai.forecast;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many people the forecast returns need (docs/configuration.md): the minutes one returned unit takes to receive
 * and to inspect, by product category with a default, the productive minutes of one person's day and the days the
 * warehouse works, over which a week's returns are spread evenly.
 */
@ConfigurationProperties("returns.ai.staffing")
public record StaffingSettings(@DefaultValue("2.0") double receivingMinutesPerUnit,
                               @DefaultValue("6.0") double inspectionMinutesPerUnit,
                               Map<String, Double> receivingMinutesByCategory,
                               Map<String, Double> inspectionMinutesByCategory,
                               @DefaultValue("420") int productiveMinutesPerPersonDay,
                               @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
                               Set<DayOfWeek> workingDays) {

    public StaffingSettings {
        receivingMinutesByCategory = receivingMinutesByCategory == null ? Map.of() : Map.copyOf(receivingMinutesByCategory);
        inspectionMinutesByCategory = inspectionMinutesByCategory == null ? Map.of()
                : Map.copyOf(inspectionMinutesByCategory);
        workingDays = Set.copyOf(workingDays);
    }

    double receivingMinutes(String category) {
        return receivingMinutesByCategory.getOrDefault(category, receivingMinutesPerUnit);
    }

    double inspectionMinutes(String category) {
        return inspectionMinutesByCategory.getOrDefault(category, inspectionMinutesPerUnit);
    }
}
