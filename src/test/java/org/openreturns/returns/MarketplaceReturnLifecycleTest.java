package org.openreturns.returns;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A unit sold on MARKETPLACE_A end to end on the real engine: its order report ships it (COGS), its return report
 * makes the return the marketplace authorised, the parcel arrives, inspection grades it A, it is restocked, and the
 * marketplace's availability endpoint (WireMock) receives the higher available-to-sell.
 */
@ReturnsIntegrationTest
class MarketplaceReturnLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "MARKETPLACE_A";
    private static final String AVAILABILITY = "/marketplace-a/availability";

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
    WireMockServer marketplace;

    @BeforeEach
    void setUp() {
        marketplace = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        marketplace.start();
        marketplace.stubFor(post(urlPathEqualTo(AVAILABILITY)).willReturn(ok()));
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog, new OperatonProbe(processEngine,
                processClock));
        assertThat(driver.api.post("admin", "/api/channels", Map.of("code", CHANNEL, "name", "Marketplace A",
                "availabilityUrl", marketplace.baseUrl() + AVAILABILITY)).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @AfterEach
    void tearDown() {
        // The channel stays in the master data, without an endpoint, so no worker calls a server that is gone.
        driver.api.post("admin", "/api/channels", Map.of("code", CHANNEL, "name", "Marketplace A"));
        marketplace.stop();
    }

    @Test
    void soldShippedReturnedInspectedRestockedAndPublished() {
        String sneaker = driver.product("SNEAKER", "shoes", "30.00", "79.90", false, false);
        driver.stock(sneaker, 3);
        // The outbox sends only the latest figure of a SKU: each is awaited before the next change replaces it.
        awaitLastFigure(sneaker, 3);
        String orderId = "403-" + UUID.randomUUID().toString().substring(0, 7) + "-0000001";
        String rmaId = "DxRMA" + UUID.randomUUID().toString().substring(0, 6);

        String orders = "order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\t"
                + "item-status\tquantity\tcurrency\titem-price\tbuyer-email\n"
                + orderId + "\t\t2026-12-01T10:15:30+00:00\t2026-12-02T08:00:00+00:00\tShipped\t" + sneaker
                + "\tShipped\t1\tEUR\t79.90\tq7x2k@marketplace-a.example\n";
        ResponseEntity<Map<String, Object>> ordered = upload("inventory1", "/order-reports?reportId=orders-1&warehouse="
                + driver.warehouse, orders, "text/tab-separated-values");
        assertThat(ordered.getStatusCode()).as(String.valueOf(ordered.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(ordered.getBody()).containsEntry("orders", 1).containsEntry("taken", 1)
                .containsEntry("shipped", 1).containsEntry("deadLettered", 0);
        assertThat(driver.stock(sneaker)).containsEntry("SELLABLE", 2);
        assertThat(ledger.availableToSell(sneaker)).isEqualTo(2);
        awaitLastFigure(sneaker, 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> soldLines = (List<Map<String, Object>>) driver.api.get("inventory1",
                "/api/orders/" + orderId + "?channel=" + CHANNEL).getBody().get("lines");
        assertThat(soldLines).singleElement().satisfies(line -> assertThat(line).containsEntry("sku", sneaker)
                .containsEntry("unitPriceMinor", 7990).containsEntry("shippedQuantity", 1));

        String returnsReport = "Order ID\tRMA ID\tReturn request date\tReturn request status\tMerchant SKU\t"
                + "Return quantity\tReturn reason\n"
                + orderId + "\t" + rmaId + "\t2026-12-05T09:00:00+00:00\tApproved\t" + sneaker + "\t1\tAPPAREL_TOO_SMALL\n";
        ResponseEntity<Map<String, Object>> returned = upload("support1", "/return-reports?reportId=returns-1",
                returnsReport, "text/tab-separated-values");
        assertThat(returned.getBody()).containsEntry("returns", 1).containsEntry("taken", 1)
                .containsEntry("deadLettered", 0);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) driver.api.get("support1",
                "/api/returns?order=" + orderId + "&channel=" + CHANNEL).getBody().get("items");
        assertThat(found).hasSize(1);
        String rmaNumber = (String) found.get(0).get("rmaNumber");
        Map<String, Object> details = driver.api.get("support1", "/api/returns/" + rmaNumber).getBody();
        String returnId = (String) details.get("returnId");
        assertThat(details).containsEntry("channelReturnId", rmaId).containsEntry("channel", CHANNEL);

        // A marketplace's reports carry no delivery date: eligibility asks support, who approves what the
        // marketplace authorised.
        driver.completed("support1", driver.awaitTask("support", returnId, "ReviewReturn"),
                Map.of("approved", true, "decisionReason", "Authorised by Marketplace A"));
        driver.awaitStatus(returnId, "AUTHORIZED");
        assertThat(driver.api.getList("warehouse1", "/api/warehouses/" + driver.warehouse + "/expected-inbound")
                .getBody()).extracting(parcel -> parcel.get("rmaNumber")).containsExactly(rmaNumber);
        assertThat(driver.scan(rmaNumber, item(sneaker, null, 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));
        driver.awaitStatus(returnId, "CLOSED");

        assertThat(driver.stock(sneaker)).containsEntry("SELLABLE", 3);
        assertThat(ledger.availableToSell(sneaker)).isEqualTo(3);
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 3000, Cr 5000 3000",
                "RESTOCK: Dr 1300 3000, Cr 1310 3000",
                "REFUND_APPROVED: Dr 4100 7990, Cr 2100 7990",
                "REFUND_PAID: Dr 2100 7990, Cr 1000 7990");
        awaitLastFigure(sneaker, 3);
        assertThat(figures(sneaker)).as("the marketplace learnt each figure: bought, sold, restocked")
                .containsSubsequence(3, 2, 3);

        // The same return report again makes no second return.
        assertThat(upload("support1", "/return-reports?reportId=returns-1", returnsReport,
                "text/tab-separated-values").getBody()).containsEntry("taken", 1);
        assertThat((List<?>) driver.api.get("support1", "/api/returns?order=" + orderId + "&channel=" + CHANNEL)
                .getBody().get("items")).hasSize(1);
    }

    private List<Integer> figures(String sku) {
        return marketplace.getAllServeEvents().stream()
                .sorted(java.util.Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(event -> read(event.getRequest().getBodyAsString()))
                .filter(body -> body.path("sku").asText().equals(sku))
                .map(body -> body.path("availableToSell").asInt()).toList();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String path, String file, String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        return http.withBasicAuth(user, "demo").exchange("/api/channels/" + CHANNEL + path, HttpMethod.POST,
                new HttpEntity<>(file, headers), new ParameterizedTypeReference<>() {
                });
    }

    private void awaitLastFigure(String sku, int availableToSell) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(figures(sku)).isNotEmpty().last()
                .isEqualTo(availableToSell));
    }
}
