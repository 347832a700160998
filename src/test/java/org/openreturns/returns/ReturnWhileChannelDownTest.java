package org.openreturns.returns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openreturns.db.Tables.AVAILABILITY_OUTBOX;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.jooq.DSLContext;
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
import org.springframework.http.HttpStatus;

/**
 * The return process never waits for a sales channel: with the channel's availability endpoint answering 500
 * throughout, a return is received, inspected, restocked, refunded and closed; the restocked unit's figure waits in the
 * outbox for the channel.
 */
@ReturnsIntegrationTest
class ReturnWhileChannelDownTest {

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
    @Autowired
    DSLContext db;

    LifecycleDriver driver;
    WireMockServer channelServer;
    String channel;

    @BeforeEach
    void setUp() {
        channelServer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        channelServer.start();
        channelServer.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("channel down")));
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog, new OperatonProbe(processEngine,
                processClock));
        channel = "DOWN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(driver.api.post("admin", "/api/channels", Map.of("code", channel, "name", "Down " + channel,
                "availabilityUrl", channelServer.baseUrl() + "/availability")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @AfterEach
    void tearDown() {
        driver.api.post("admin", "/api/channels", Map.of("code", channel, "name", "Down " + channel));
        channelServer.stop();
    }

    @Test
    void aReturnClosesWhileTheChannelIsDown() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        driver.awaitStatus(returnId, "AUTHORIZED");
        assertThat(driver.scan((String) requested.get("rmaNumber"), item(tshirt, null, 1)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, true));

        driver.awaitStatus(returnId, "CLOSED");
        assertThat(driver.stock(tshirt)).containsEntry("SELLABLE", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var row = db.selectFrom(AVAILABILITY_OUTBOX).where(AVAILABILITY_OUTBOX.CHANNEL.eq(channel))
                    .and(AVAILABILITY_OUTBOX.SKU.eq(tshirt)).fetchSingle();
            assertThat(row.getAvailableToSell()).as("the restocked unit").isEqualTo(1);
            assertThat(row.getPendingSince()).as("still waiting for the channel").isNotNull();
            assertThat(row.getAttempts()).isPositive();
            assertThat(row.getLastError()).contains("HTTP 500");
        });
    }
}
