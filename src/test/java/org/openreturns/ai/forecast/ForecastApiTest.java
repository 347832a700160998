package org.openreturns.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The forecast and staffing endpoints on a warehouse of the test's own with a known history: two years of a steady
 * ten T-shirts a week, and ten weeks of shoes. The methods chosen, the weeks, the totals and the people needed follow
 * from it; bad parameters are refused naming them; support may not plan the warehouse's people.
 */
@ReturnsIntegrationTest
class ForecastApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private ApiClient api;
    private String warehouse;
    private LocalDate currentWeek;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        warehouse = "WH-F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(api.post("admin", "/api/warehouses", Map.of("code", warehouse, "name", "Forecast " + warehouse,
                "country", "DE")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        currentWeek = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int week = 1; week <= 104; week++) {
            history("t-shirts", currentWeek.minusWeeks(week), 10);
        }
        for (int week = 1; week <= 10; week++) {
            history("shoes", currentWeek.minusWeeks(week), week <= 4 ? 7 : 20);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theForecastNamesItsMethodPerCategoryAndAddsUpTheWeeks() {
        ResponseEntity<Map<String, Object>> answer = api.get("manager1",
                "/api/forecast/returns?warehouse=" + warehouse + "&weeks=4");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> forecast = answer.getBody();
        assertThat(forecast).containsEntry("warehouse", warehouse).containsEntry("firstWeek", currentWeek.toString());
        List<Map<String, Object>> categories = (List<Map<String, Object>>) forecast.get("categories");
        assertThat(categories).extracting(category -> category.get("category")).containsExactly("shoes", "t-shirts");

        Map<String, Object> shoes = categories.get(0);
        assertThat(shoes).containsEntry("method", "RECENT_MEAN").containsEntry("historyWeeks", 10);
        assertThat((List<Map<String, Object>>) shoes.get("weeks")).as("the mean of the last four weeks")
                .extracting(week -> ((Number) week.get("units")).doubleValue()).containsExactly(7.0, 7.0, 7.0, 7.0);

        Map<String, Object> tshirts = categories.get(1);
        assertThat(tshirts).containsEntry("method", "HOLT_WINTERS").containsEntry("historyWeeks", 104);
        List<Map<String, Object>> tshirtWeeks = (List<Map<String, Object>>) tshirts.get("weeks");
        assertThat(tshirtWeeks).extracting(week -> week.get("weekStart")).containsExactly(currentWeek.toString(),
                currentWeek.plusWeeks(1).toString(), currentWeek.plusWeeks(2).toString(),
                currentWeek.plusWeeks(3).toString());
        assertThat(tshirtWeeks).as("a steady ten a week stays ten")
                .allSatisfy(week -> assertThat(((Number) week.get("units")).doubleValue()).isBetween(9.5, 10.5));

        List<Map<String, Object>> totals = (List<Map<String, Object>>) forecast.get("totals");
        for (int week = 0; week < 4; week++) {
            double sum = ((Number) ((Map<String, Object>) ((List<?>) shoes.get("weeks")).get(week)).get("units"))
                    .doubleValue() + ((Number) tshirtWeeks.get(week).get("units")).doubleValue();
            assertThat(((Number) totals.get(week).get("units")).doubleValue()).isCloseTo(sum,
                    within(0.05));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffingSpreadsEachWeekOverTheWorkingDaysAndRoundsPeopleUp() {
        ResponseEntity<Map<String, Object>> answer = api.get("warehouse1",
                "/api/forecast/staffing?warehouse=" + warehouse + "&weeks=1");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> plan = answer.getBody();
        assertThat(plan).containsEntry("warehouse", warehouse).containsEntry("productiveMinutesPerPersonDay", 420);
        List<Map<String, Object>> days = (List<Map<String, Object>>) plan.get("days");
        assertThat(days).extracting(day -> day.get("date")).as("Monday to Friday of the current week")
                .containsExactly(currentWeek.toString(), currentWeek.plusDays(1).toString(),
                        currentWeek.plusDays(2).toString(), currentWeek.plusDays(3).toString(),
                        currentWeek.plusDays(4).toString());
        // About 17 units a week over five days: 3.4 a day, 2 minutes each to receive and 6 to inspect.
        assertThat(days).allSatisfy(day -> {
            double units = ((Number) day.get("expectedUnits")).doubleValue();
            assertThat(units).isBetween(3.2, 3.6);
            assertThat(day).containsEntry("receivers", 1).containsEntry("inspectors", 1);
            assertThat(((Number) day.get("inspectionHours")).doubleValue()).isCloseTo(units * 6 / 60,
                    within(0.06));
        });
    }

    @Test
    void badParametersAreRefusedNamingEachOfThem() {
        assertThat(ApiClient.problems(api.get("manager1", "/api/forecast/returns?weeks=0")))
                .containsEntry("warehouse", "is required").containsEntry("weeks", "must be between 1 and 26, not 0");
        assertThat(ApiClient.problems(api.get("manager1", "/api/forecast/staffing?warehouse=WH-NOWHERE&weeks=two")))
                .containsEntry("warehouse", "is not a known warehouse: WH-NOWHERE")
                .containsEntry("weeks", "must be a whole number of weeks, not two");
        assertThat(api.get("manager1", "/api/forecast/returns?warehouse=" + warehouse + "&weeks=27")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void supportDoesNotPlanTheWarehousesPeople() {
        assertThat(api.get("support1", "/api/forecast/staffing?warehouse=" + warehouse).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("warehouse1", "/api/forecast/returns?warehouse=" + warehouse).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private void history(String category, LocalDate weekStart, int unitsReturned) {
        jdbc.update("insert into weekly_return_history (warehouse, category, week_start, units_sold, units_returned) "
                + "values (?, ?, ?, ?, ?)", warehouse, category, weekStart, unitsReturned * 8, unitsReturned);
    }
}
