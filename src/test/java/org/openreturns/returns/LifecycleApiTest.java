package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.sold;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The lifecycle's endpoints refuse bad input with problem details that name the field, change nothing when they
 * do, and the queues that resolution fills (refurbishment, supplier claims, replacements) work through the API.
 */
@ReturnsIntegrationTest
class LifecycleApiTest {

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
    String tshirt;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        driver = new LifecycleDriver(api, ledger, catalog, new OperatonProbe(processEngine, processClock));
        tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
    }

    @Test
    void parcelEventsNameTheFieldThatIsWrong() {
        String returnId = authorizedReturn();

        ResponseEntity<Map<String, Object>> missing = api.post("warehouse1",
                "/api/returns/" + returnId + "/parcel-events", Map.of("type", "IN_TRANSIT"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(missing)).containsExactlyInAnyOrder("eventId", "at");

        ResponseEntity<Map<String, Object>> badType = api.post("warehouse1",
                "/api/returns/" + returnId + "/parcel-events", Map.of("eventId", "E-1", "type", "LOST",
                        "at", "2026-11-20T10:00:00Z"));
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(badType)).containsExactly("type");
        assertThat(driver.details(returnId)).containsEntry("status", "AUTHORIZED");
    }

    @Test
    void aParcelEventForAnUnknownReturnIs404AndAnEventIdOfAnotherReturnIs409() {
        Map<String, Object> event = Map.of("eventId", "E-" + UUID.randomUUID(), "type", "IN_TRANSIT",
                "at", "2026-11-20T10:00:00Z");
        ResponseEntity<Map<String, Object>> unknown = api.post("warehouse1",
                "/api/returns/" + UUID.randomUUID() + "/parcel-events", event);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("returnId");

        String first = authorizedReturn();
        String second = authorizedReturn();
        assertThat(api.post("warehouse1", "/api/returns/" + first + "/parcel-events", event).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("warehouse1", "/api/returns/" + second + "/parcel-events", event).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(driver.details(second)).containsEntry("status", "AUTHORIZED");
    }

    @Test
    void expectedInboundOfAnUnknownWarehouseIs404() {
        ResponseEntity<Map<String, Object>> unknown = api.get("warehouse1", "/api/warehouses/WH-NONE/expected-inbound");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("warehouse");
    }

    @Test
    void aScanOfUnknownSkusOrSerializedItemsWithoutSerialIsRefusedAndNothingIsRecorded() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        long parcelTasksBefore = parcelTasks();

        ResponseEntity<Map<String, Object>> refused = driver.scan(null, item("NO-SUCH-SKU", null, 1),
                item(watch, null, 1), item(tshirt, "SN-X", 1));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("lines[0].sku", "lines[1].serial",
                "lines[2].serial");
        assertThat(driver.stock(tshirt)).isEmpty();
        assertThat(parcelTasks()).isEqualTo(parcelTasksBefore);
    }

    private long parcelTasks() {
        return api.getList("warehouse1", "/api/tasks?group=warehouse").getBody().stream()
                .filter(task -> "HandleUnexpectedParcel".equals(task.get("elementId"))).count();
    }

    @Test
    void aDisputeResolutionThatDoesNotFitGoesBackToTheManagerNamingTheField() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "DEFECTIVE", "OPENED"),
                item(tshirt, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", true, false));
        Map<String, Object> dispute = driver.awaitTask("manager", returnId, "ResolveDispute");

        ResponseEntity<Map<String, Object>> notInForm = driver.complete("manager1", dispute,
                Map.of("disposition", "DONATE", "refundDecision", "FULL", "comment", "x"));
        assertThat(notInForm.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(notInForm)).containsExactly("disposition");

        driver.completed("manager1", dispute, Map.of("disposition", "RESTOCK", "refundDecision", "PARTIAL",
                "comment", "Works fine, small fee"));
        Map<String, Object> again = driver.awaitTask("manager", returnId, "ResolveDispute");
        assertThat(again.get("id")).isNotEqualTo(dispute.get("id"));
        assertThat(driver.details(returnId).get("timeline").toString()).doesNotContain("DISPUTE_RESOLVED");
        driver.completed("manager1", again, Map.of("disposition", "RESTOCK", "refundDecision", "PARTIAL",
                "deductionPercent", 10, "comment", "Works fine, 10 % fee"));
        driver.completed("finance1", driver.awaitTask("finance", returnId, "ApproveReturn"),
                Map.of("approved", true, "comment", "ok"));
        assertThat(LifecycleDriver.refund(driver.awaitStatus(returnId, "CLOSED")))
                .containsEntry("decision", "PARTIAL").containsEntry("amountMinor", 1791);
    }

    @Test
    void aRefurbishedUnitIsReclassifiedWhenItsJobIsCompleted() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String orderId = driver.order("VIP", sold(1, watch, 1, "649.00", "SN-R1"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId,
                returning(1, 1, "DAMAGED_IN_TRANSIT", "DAMAGED"), item(watch, "SN-R1", 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                LifecycleDriver.serializedInspection("C", "SN-R1", true));
        driver.completed("manager1", driver.awaitTask("finance", returnId, "ApproveReturn"),
                Map.of("approved", true, "comment", "Transit damage, carrier claim filed"));
        driver.awaitStatus(returnId, "CLOSED");
        Map<String, Object> job = api.getList("quality1", "/api/refurbishments?status=OPEN&warehouse="
                + driver.warehouse).getBody().get(0);
        assertThat(job).containsEntry("returnId", returnId).containsEntry("sku", watch);

        ResponseEntity<Map<String, Object>> badOutcome = api.post("quality1",
                "/api/refurbishments/" + job.get("id") + "/complete", Map.of("outcome", "POLISH"));
        assertThat(badOutcome.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(badOutcome)).containsExactly("outcome");

        ResponseEntity<Map<String, Object>> done = api.post("quality1",
                "/api/refurbishments/" + job.get("id") + "/complete", Map.of("outcome", "RESTOCK", "notes", "new strap"));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).containsEntry("status", "DONE").containsEntry("outcome", "RESTOCKED");
        assertThat(driver.stock(watch)).containsEntry("SELLABLE", 1).doesNotContainKey("REFURBISHMENT");
        assertThat(driver.entries(returnId)).contains("REFURBISHED: Dr 1300 41200, Cr 1320 41200");
        assertThat(api.post("quality1", "/api/refurbishments/" + job.get("id") + "/complete",
                Map.of("outcome", "SCRAP")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aSupplierClaimIsShippedOnceAndItsUnitLeavesTheBooks() {
        String jacket = driver.product("JACKET", "jackets", "42.00", "119.00", false, false);
        String orderId = driver.order("STANDARD", sold(1, jacket, 1, "119.00"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "DEFECTIVE", "OPENED"),
                item(jacket, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("D", true, true));
        driver.awaitStatus(returnId, "CLOSED");
        Map<String, Object> claim = api.getList("finance1", "/api/supplier-claims?status=OPEN").getBody().stream()
                .filter(open -> returnId.equals(open.get("returnId"))).findFirst().orElseThrow();

        assertThat(api.post("warehouse1", "/api/supplier-claims/" + claim.get("id") + "/ship", Map.of()).getBody())
                .containsEntry("status", "SHIPPED").containsEntry("shippedBy", "warehouse1");
        assertThat(api.post("warehouse1", "/api/supplier-claims/" + claim.get("id") + "/ship", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(driver.stock(jacket)).isEmpty();
        assertThat(driver.entries(returnId)).noneMatch(entry -> entry.startsWith("VENDOR_SHIPMENT"));
    }

    @Test
    void aReplacementWithoutStockIsBackorderedAndTheQueuesRefuseAnUnknownStatus() {
        String ordered = driver.product("JEANS32", "jeans", "28.50", "79.00", false, false);
        String shipped = driver.product("JEANS34", "jeans", "28.50", "79.00", false, false);
        String orderId = driver.order("STANDARD", sold(1, ordered, 1, "79.00"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "WRONG_ITEM", "UNOPENED"),
                item(shipped, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", false, true));
        driver.completed("finance1", driver.awaitTask("finance", returnId, "ApproveReturn"),
                Map.of("approved", true, "comment", "picking error"));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(LifecycleDriver.timelineTypes(closed)).contains("REPLACEMENT_BACKORDERED");
        assertThat(api.getList("support1", "/api/replacements?status=BACKORDERED").getBody())
                .anySatisfy(order -> assertThat(order).containsEntry("returnId", returnId).containsEntry("sku", ordered));
        for (String path : List.of("/api/replacements?status=LOST", "/api/supplier-claims?status=LOST",
                "/api/refurbishments?status=LOST")) {
            // The warehouse works all three queues.
            ResponseEntity<Map<String, Object>> refused = api.get("warehouse1", path);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(ApiClient.problemFields(refused)).as(path).containsExactly("status");
        }
    }

    @Test
    void theLifecycleEndpointsNeedCredentials() {
        assertThat(http.getForEntity("/api/returns/sla-escalations", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/refurbishments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRememberedLoginDoesNotLetAWrongPasswordIn() {
        // A user of its own: the engine locks a user for a few seconds after a wrong password, which would refuse
        // the demo users that other tests log in as.
        String user = "loginprobe" + UUID.randomUUID().toString().substring(0, 8);
        User probe = processEngine.getIdentityService().newUser(user);
        probe.setPassword("demo");
        processEngine.getIdentityService().saveUser(probe);
        processEngine.getIdentityService().createMembership(user, "manager");

        assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/returns/sla-escalations", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(http.withBasicAuth(user, "wrong").getForEntity("/api/returns/sla-escalations", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/returns/sla-escalations", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String authorizedReturn() {
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        String returnId = (String) driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"))
                .get("returnId");
        driver.awaitStatus(returnId, "AUTHORIZED");
        return returnId;
    }
}
