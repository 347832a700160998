package org.openreturns.ai.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two years of weekly sales and returns for the demo warehouses and the demo catalogue's returnable categories, so
 * the forecast has something to learn from on a fresh start: growth of about 15% a year, a yearly season (returns
 * after Christmas in January, a quieter spring, summer) and campaigns that lift sales in their week and returns two
 * to three weeks later (Black Friday in week 47, the summer sale in week 27, the January sale in week 2). Noise is
 * Poisson-like. The same end week always gives the same history.
 */
public final class DemoReturnHistory {

    public static final int WEEKS = 104;

    /** Typical weekly returned units per category in the Berlin warehouse. */
    private static final Map<String, Double> BASE_RETURNS = Map.ofEntries(Map.entry("t-shirts", 60.0),
            Map.entry("jeans", 45.0), Map.entry("dresses", 38.0), Map.entry("jackets", 22.0),
            Map.entry("sneakers", 30.0), Map.entry("caps", 8.0), Map.entry("belts", 6.0), Map.entry("scarves", 7.0),
            Map.entry("bags", 9.0), Map.entry("sunglasses", 5.0), Map.entry("smartwatches", 6.0),
            Map.entry("audio", 5.0));
    /** Warehouse size relative to Berlin. */
    private static final Map<String, Double> WAREHOUSES = Map.of("WH-BER", 1.0, "WH-WAW", 0.55);

    /** One week of one category in one warehouse. */
    public record Week(String warehouse, String category, LocalDate weekStart, int unitsSold, int unitsReturned,
                       String campaignCode) {
    }

    private DemoReturnHistory() {
    }

    /** The {@link #WEEKS} complete weeks before the week of {@code today}, for every warehouse and category. */
    public static List<Week> generate(LocalDate today) {
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS);
        Random random = new Random(firstWeek.toEpochDay());
        List<Week> weeks = new ArrayList<>();
        for (String warehouse : WAREHOUSES.keySet().stream().sorted().toList()) {
            for (String category : BASE_RETURNS.keySet().stream().sorted().toList()) {
                double base = BASE_RETURNS.get(category) * WAREHOUSES.get(warehouse);
                for (int i = 0; i < WEEKS; i++) {
                    LocalDate weekStart = firstWeek.plusWeeks(i);
                    int weekOfYear = weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    double growth = 1 + 0.15 * i / 52.0;
                    double returns = base * growth * season(weekOfYear) * campaignReturns(weekOfYear);
                    double sales = returns / 0.22 * campaignSales(weekOfYear) / campaignReturns(weekOfYear);
                    weeks.add(new Week(warehouse, category, weekStart, noisy(sales, random), noisy(returns, random),
                            campaign(weekOfYear, weekStart)));
                }
            }
        }
        return weeks;
    }

    /** Returns over the year: high after Christmas, low in spring, a summer bump, rising towards winter. */
    private static double season(int weekOfYear) {
        double angle = 2 * Math.PI * (weekOfYear - 1) / 52.0;
        return 1 + 0.18 * Math.cos(angle) + 0.08 * Math.sin(2 * angle) + (weekOfYear <= 3 ? 0.35 : 0);
    }

    private static double campaignSales(int weekOfYear) {
        return switch (weekOfYear) {
            case 47 -> 2.6;
            case 27 -> 1.8;
            case 2 -> 1.5;
            default -> 1.0;
        };
    }

    /** Campaign purchases come back two to three weeks later. */
    private static double campaignReturns(int weekOfYear) {
        return switch (weekOfYear) {
            case 49 -> 1.9;
            case 50 -> 1.6;
            case 29 -> 1.4;
            case 30 -> 1.2;
            case 4 -> 1.25;
            default -> 1.0;
        };
    }

    private static String campaign(int weekOfYear, LocalDate weekStart) {
        int year = weekStart.get(IsoFields.WEEK_BASED_YEAR);
        return switch (weekOfYear) {
            case 47 -> "BLACK-FRIDAY-" + year;
            case 27 -> "SUMMER-SALE-" + year;
            case 2 -> "JANUARY-SALE-" + year;
            default -> null;
        };
    }

    /** A count around the mean with Poisson-like spread (normal approximation, never negative). */
    private static int noisy(double mean, Random random) {
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
