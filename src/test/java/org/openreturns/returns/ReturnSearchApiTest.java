package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/returns}: the search the workspace's returns list shows, with its filters, order and pages. */
@ReturnsIntegrationTest
class ReturnSearchApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ProcessClock processClock;

    LifecycleDriver driver;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        driver = new LifecycleDriver(api, ledger, catalog, new OperatonProbe(processEngine, processClock));
    }

    @Test
    void filtersCombineAndTheListIsSortedAndPaged() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String tooSmall = rma(driver.requestReturn(driver.order("STANDARD", sold(1, tshirt, 1, "19.90")),
                returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED")));
        String changedMind = rma(driver.requestReturn(driver.order("STANDARD", sold(1, tshirt, 2, "19.90")),
                returning(1, 2, "CHANGED_MIND", "UNOPENED")));

        Map<String, Object> both = search("warehouse=" + driver.warehouse + "&sort=rmaNumber");
        assertThat(both).containsEntry("total", 2);
        assertThat(rmas(both)).containsExactly(tooSmall, changedMind);
        assertThat(rmas(search("warehouse=" + driver.warehouse))).as("newest first by default")
                .containsExactly(changedMind, tooSmall);
        assertThat(rmas(search("warehouse=" + driver.warehouse + "&reason=CHANGED_MIND"))).containsExactly(changedMind);
        assertThat(rmas(search("rma=" + tooSmall.toLowerCase()))).containsExactly(tooSmall);

        Map<String, Object> secondPage = search("warehouse=" + driver.warehouse + "&sort=rmaNumber&size=1&page=1");
        assertThat(secondPage).containsEntry("total", 2).containsEntry("page", 1);
        assertThat(rmas(secondPage)).containsExactly(changedMind);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) secondPage.get("items")).get(0);
        assertThat(row).containsEntry("units", 2).containsEntry("channel", "WEB")
                .containsEntry("reasons", List.of("CHANGED_MIND"));
    }

    @Test
    void aFilterThatCannotBeReadIsRefusedNamingIt() {
        ResponseEntity<Map<String, Object>> refused = api.get("support1",
                "/api/returns?status=LOST&from=yesterday&sort=price");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactlyInAnyOrder("status", "from", "sort");
    }

    private Map<String, Object> search(String query) {
        ResponseEntity<Map<String, Object>> found = api.get("support1", "/api/returns?" + query);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        return found.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rmas(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("rmaNumber"))
                .toList();
    }

    private static String rma(Map<String, Object> requested) {
        return (String) requested.get("rmaNumber");
    }
}
