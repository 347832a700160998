package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openreturns.db.Tables.CREDIT_NOTE;
import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.CUSTOMER_NOTIFICATION;
import static org.openreturns.db.Tables.ERASURE;
import static org.openreturns.db.Tables.INSPECTION;
import static org.openreturns.db.Tables.JOURNAL_ENTRY;
import static org.openreturns.db.Tables.JOURNAL_LINE;
import static org.openreturns.db.Tables.AI_MODEL_VERSION;
import static org.openreturns.db.Tables.REASON_LABEL;
import static org.openreturns.db.Tables.RECONCILIATION_BREAK;
import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_EVENT;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;
import static org.openreturns.db.Tables.STOCK_MOVE;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.returning;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.privacy.RetentionJob;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricDetail;
import org.operaton.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's personal data erased on request and after the retention period (docs/operations.md, "Personal data:
 * erasure and retention"): gone from the tables and the engine's history, while the order, the return, the stock
 * ledger, the journal, refunds and credit notes stay as they were and reconciliation stays clean.
 */
@ReturnsIntegrationTest
class CustomerErasureTest {

    private static final String MESSAGE = "Hi, Erin Example here, the bag is too small; call me back";
    private static final String PHOTO = "https://photos.example/erin-bag-front.jpg";
    private static final String NOTES = "Customer's name tag still sewn in";

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
    @Autowired
    RetentionJob retention;
    @Autowired
    PlatformTransactionManager transactions;

    LifecycleDriver driver;
    ApiClient api;
    /** Contact details of this test's customers alone: accounts sharing them would be a risk signal. */
    final String phone = "+49 30 " + (1_000_000 + new Random().nextInt(8_999_999));
    final String address = "Erin Example, Musterstr. " + UUID.randomUUID().toString().substring(0, 6) + ", Berlin";

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        driver = new LifecycleDriver(api, ledger, catalog, new OperatonProbe(processEngine, processClock));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorErasesAClosedCustomersPersonalDataAndTheFinancialAndStockRecordsStayWhole() {
        String bag = driver.product("BAG", "bags", "200.00", "649.00", false, false);
        String customerId = "C-ERASE-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customerId.toLowerCase() + "@example.com";
        String orderId = order(customerId, email, bag, "649.00");
        Map<String, Object> requested = requestReturn(orderId, MESSAGE);
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        driver.awaitStatus(returnId, "AUTHORIZED");
        // The parcel arrives without its RMA, with the sender on the label; the warehouse links it to the return.
        ResponseEntity<Map<String, Object>> scanned = api.post("warehouse1", "/api/receipts", Map.of(
                "warehouse", driver.warehouse, "lines", List.of(item(bag, null, 1)),
                "sender", Map.of("name", "Erin Example", "email", email, "postcode", "10115")));
        assertThat(scanned.getStatusCode()).as(String.valueOf(scanned.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        long receiptId = ((Number) scanned.getBody().get("receiptId")).longValue();
        driver.completed("warehouse1", driver.awaitTask("warehouse", "receiptId", receiptId, "HandleUnexpectedParcel"),
                Map.of("parcelAction", "LINK", "returnId", rma));
        String parcel = "parcel-" + receiptId;
        Map<String, Object> findings = inspection("A", true, true);
        findings.put("evidence", PHOTO);
        findings.put("notes", NOTES);
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"), findings);
        driver.completed("finance1", driver.awaitTask("finance", returnId, "ApproveReturn"),
                Map.of("approved", true, "comment", "Within policy"));
        driver.awaitStatus(returnId, "CLOSED");

        assertThat(historicValues(rma)).as("the engine's history holds the customer's data before the erasure")
                .anyMatch(value -> value.contains("Erin Example")).anyMatch(value -> value.contains(PHOTO));
        assertThat(historicValues(parcel)).as("and the sender of the parcel")
                .anyMatch(value -> value.contains("Sent by Erin Example, " + email));
        List<Object> recordsBefore = recordsThatMustStay(customerId, returnId);
        int breaksBefore = reconciliationBreaks();
        // A manager retrains the reason model, which then learns from this customer's message too.
        Long firstLabel = db.select(DSL.min(REASON_LABEL.ID)).from(REASON_LABEL)
                .where(REASON_LABEL.RETURN_ID.eq(UUID.fromString(returnId))).fetchOne(0, Long.class);
        assertThat(firstLabel).as("the inspector's confirmed reason is a labelled example").isNotNull();
        boolean retrainedModelActive = (Boolean) api.post("manager1", "/api/ai/models/reason/retrain", Map.of())
                .getBody().get("activated");

        ResponseEntity<Map<String, Object>> erased = api.post("admin", "/api/customers/" + customerId + "/erasure",
                Map.of("reason", "Customer asked by e-mail, ticket 4711"));

        assertThat(erased.getStatusCode()).as(String.valueOf(erased.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("customerId", customerId).containsEntry("cause", "REQUEST")
                .containsEntry("erasedBy", "admin").containsEntry("returns", List.of(rma));
        Map<String, Integer> counts = (Map<String, Integer>) erased.getBody().get("erased");
        assertThat(counts).containsEntry("customer", 1).containsEntry("shippingAddresses", 1)
                .containsEntry("customerMessages", 1).containsEntry("inspections", 1)
                .containsEntry("timelineDetails", 1).containsEntry("notifications", 2);
        assertThat(counts.get("processVariables")).isPositive();
        assertThat(counts.get("parcelProcessVariables")).isPositive();

        String pseudonym = db.select(CUSTOMER.EMAIL).from(CUSTOMER).where(CUSTOMER.ID.eq(customerId))
                .fetchOne(CUSTOMER.EMAIL);
        assertThat(pseudonym).matches("erased-[0-9a-f]{12}@invalid");
        assertThat(db.select(CUSTOMER.PHONE).from(CUSTOMER).where(CUSTOMER.ID.eq(customerId)).fetchOne(CUSTOMER.PHONE))
                .isNull();
        assertThat(db.select(SALES_ORDER.SHIPPING_ADDRESS).from(SALES_ORDER)
                .where(SALES_ORDER.CUSTOMER_ID.eq(customerId)).fetch(SALES_ORDER.SHIPPING_ADDRESS))
                .containsOnlyNulls();
        assertThat(db.select(RETURN_REQUEST.CUSTOMER_MESSAGE).from(RETURN_REQUEST)
                .where(RETURN_REQUEST.ID.eq(UUID.fromString(returnId))).fetchOne(RETURN_REQUEST.CUSTOMER_MESSAGE))
                .isEqualTo("[erased]");
        assertThat(db.selectFrom(INSPECTION).where(INSPECTION.RETURN_ID.eq(UUID.fromString(returnId))).fetchOne())
                .satisfies(inspection -> {
                    assertThat(inspection.getEvidence()).isEmpty();
                    assertThat(inspection.getNotes()).isEqualTo("[erased]");
                    assertThat(inspection.getGrade()).as("the findings stay").isEqualTo("A");
                });
        assertThat(db.selectFrom(CUSTOMER_NOTIFICATION)
                .where(CUSTOMER_NOTIFICATION.RETURN_ID.eq(UUID.fromString(returnId))).fetch())
                .hasSize(2).allSatisfy(notification -> {
                    assertThat(notification.getRecipient()).isEqualTo(pseudonym);
                    assertThat(notification.getMessage()).isEqualTo("[erased]");
                });
        assertThat(db.fetchCount(REASON_LABEL, REASON_LABEL.RETURN_ID.eq(UUID.fromString(returnId)))).isZero();
        assertThat(counts).containsEntry("trainedReasonModels", retrainedModelActive ? 1 : 0);
        assertThat(db.fetchCount(AI_MODEL_VERSION, AI_MODEL_VERSION.LAST_LABEL_ID.ge(firstLabel)
                .and(AI_MODEL_VERSION.TRAINED_MODEL.isNotNull())))
                .as("no stored model keeps what it learnt from the erased messages; the next start retrains it")
                .isZero();
        List<String> timeline = db.select(RETURN_EVENT.DETAIL).from(RETURN_EVENT)
                .where(RETURN_EVENT.RETURN_ID.eq(UUID.fromString(returnId))).fetch(RETURN_EVENT.DETAIL);
        assertThat(timeline).as("the timeline keeps what happened").anyMatch(detail -> detail != null
                && detail.startsWith("Line 1: Grade A, evidence [erased]; [erased]"));
        String shown = driver.details(returnId).toString();
        for (String personal : List.of(email, MESSAGE, PHOTO, NOTES, address, phone)) {
            assertThat(timeline).as("timeline").noneMatch(detail -> detail != null && detail.contains(personal));
            assertThat(shown).as("the return as the API shows it").doesNotContain(personal);
            assertThat(historicValues(rma)).as("the engine's history").noneMatch(value -> value.contains(personal));
            assertThat(historicValues(parcel)).as("the parcel's history").noneMatch(value -> value.contains(personal));
        }
        assertThat(historicValues(rma)).noneMatch(value -> value.contains("Erin Example"));
        assertThat(historicValues(parcel)).noneMatch(value -> value.contains("Erin Example"));

        assertThat(recordsThatMustStay(customerId, returnId)).as("order, return, ledgers, refunds, credit notes")
                .isEqualTo(recordsBefore);
        assertThat(reconciliationBreaks()).as("reconciliation finds no break the erasure caused")
                .isEqualTo(breaksBefore);
        assertThat(db.fetchCount(RECONCILIATION_BREAK, RECONCILIATION_BREAK.STATUS.eq("OPEN")
                .and(RECONCILIATION_BREAK.SKU.eq(bag).or(RECONCILIATION_BREAK.WAREHOUSE_CODE.eq(driver.warehouse))
                        .or(RECONCILIATION_BREAK.REFERENCE.contains(returnId))))).isZero();

        assertThat(db.selectFrom(ERASURE).where(ERASURE.CUSTOMER_ID.eq(customerId)).fetchOne())
                .satisfies(erasure -> {
                    assertThat(erasure.getErasedBy()).isEqualTo("admin");
                    assertThat(erasure.getCause()).isEqualTo("REQUEST");
                    assertThat(erasure.getReason()).isEqualTo("Customer asked by e-mail, ticket 4711");
                    assertThat(erasure.getErasedAt()).isAfter(OffsetDateTime.now().minusMinutes(5));
                    assertThat(erasure.getCounts().data()).contains("\"customerMessages\": 1");
                });

        ResponseEntity<Map<String, Object>> again = api.post("admin", "/api/customers/" + customerId + "/erasure",
                Map.of("reason", "Asked again"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Integer>) again.getBody().get("erased")).as("nothing left to erase")
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
        assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.eq(customerId))).as("both erasures recorded")
                .isEqualTo(2);
        assertThat(recordsThatMustStay(customerId, returnId)).isEqualTo(recordsBefore);
    }

    @Test
    void aCustomerWithAReturnInFlightIsRefusedNamingItsRma() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String customerId = "C-FLIGHT-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = order(customerId, customerId.toLowerCase() + "@example.com", tshirt, "19.90");
        Map<String, Object> requested = requestReturn(orderId, MESSAGE);
        driver.awaitStatus((String) requested.get("returnId"), "AUTHORIZED");

        ResponseEntity<Map<String, Object>> refused = api.post("admin", "/api/customers/" + customerId + "/erasure",
                Map.of("reason", "Customer asked"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail")).contains((String) requested.get("rmaNumber"));
        assertThat(db.select(RETURN_REQUEST.CUSTOMER_MESSAGE).from(RETURN_REQUEST)
                .where(RETURN_REQUEST.ID.eq(UUID.fromString((String) requested.get("returnId"))))
                .fetchOne(RETURN_REQUEST.CUSTOMER_MESSAGE)).as("nothing erased").isEqualTo(MESSAGE);
        assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.eq(customerId))).isZero();
    }

    @Test
    void onlyAnAdministratorErasesAndTheReasonIsRequired() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String customerId = "C-RULES-" + UUID.randomUUID().toString().substring(0, 8);
        order(customerId, customerId.toLowerCase() + "@example.com", tshirt, "19.90");
        String path = "/api/customers/" + customerId + "/erasure";

        assertThat(api.post("support1", path, Map.of("reason", "Customer asked")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("manager1", path, Map.of("reason", "Customer asked")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> noReason = api.postJson("admin", path, "{}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(noReason)).containsExactly("reason");
        ResponseEntity<Map<String, Object>> blank = api.post("admin", path, Map.of("reason", "  "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(blank)).containsExactly("reason");
        ResponseEntity<Map<String, Object>> tooLong = api.post("admin", path, Map.of("reason", "x".repeat(501)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(tooLong)).containsExactly("reason");
        assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.eq(customerId))).as("nothing erased").isZero();

        ResponseEntity<Map<String, Object>> unknown = api.post("admin", "/api/customers/C-NOBODY-"
                + UUID.randomUUID() + "/erasure", Map.of("reason", "Customer asked"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("customerId");
    }

    @Test
    void erasingByEMailAddressErasesEveryAccountWithIt() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String email = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String first = "C-SHARED-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "C-SHARED-" + UUID.randomUUID().toString().substring(0, 8);
        order(first, email, tshirt, "19.90");
        order(second, email.toUpperCase(), tshirt, "19.90");

        ResponseEntity<List<Map<String, Object>>> erased = http.withBasicAuth("admin", "demo").exchange(
                "/api/customers/erasure", HttpMethod.POST,
                new HttpEntity<>(Map.of("email", email, "reason", "Request from " + email)),
                new ParameterizedTypeReference<>() {
                });

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).extracting(report -> report.get("customerId"))
                .containsExactlyInAnyOrder(first, second);
        assertThat(db.select(CUSTOMER.EMAIL).from(CUSTOMER).where(CUSTOMER.ID.in(first, second)).fetch(CUSTOMER.EMAIL))
                .allSatisfy(address -> assertThat(address).matches("erased-[0-9a-f]{12}@invalid"));
        assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.in(first, second))).isEqualTo(2);

        ResponseEntity<Map<String, Object>> unknown = api.post("admin", "/api/customers/erasure",
                Map.of("email", email, "reason", "Asked again"));
        assertThat(unknown.getStatusCode()).as("the address is gone").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("email");
        ResponseEntity<Map<String, Object>> noAddress = api.post("admin", "/api/customers/erasure",
                Map.of("email", "anna at example", "reason", "Customer asked"));
        assertThat(noAddress.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(noAddress)).containsExactly("email");
        assertThat(api.post("support1", "/api/customers/erasure", Map.of("email", email, "reason", "Customer asked"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerAndErasesOnce() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String customerId = "C-REPEAT-" + UUID.randomUUID().toString().substring(0, 8);
        order(customerId, customerId.toLowerCase() + "@example.com", tshirt, "19.90");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<Map<String, Object>> request = new HttpEntity<>(Map.of("reason", "Customer asked"), headers);

        ParameterizedTypeReference<Map<String, Object>> json = new ParameterizedTypeReference<>() {
        };
        ResponseEntity<Map<String, Object>> first = http.withBasicAuth("admin", "demo")
                .exchange("/api/customers/" + customerId + "/erasure", HttpMethod.POST, request, json);
        ResponseEntity<Map<String, Object>> repeated = http.withBasicAuth("admin", "demo")
                .exchange("/api/customers/" + customerId + "/erasure", HttpMethod.POST, request, json);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("erased")).as("the order's address and the contact details")
                .isEqualTo(Map.ofEntries(Map.entry("customer", 1), Map.entry("shippingAddresses", 1),
                        Map.entry("customerMessages", 0), Map.entry("inspections", 0), Map.entry("timelineDetails", 0),
                        Map.entry("notifications", 0), Map.entry("trainedReasonModels", 0),
                        Map.entry("reasonLabels", 0), Map.entry("storedResponses", 0),
                        Map.entry("processVariables", 0), Map.entry("parcelProcessVariables", 0)));
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repeated.getBody()).isEqualTo(first.getBody());
        assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.eq(customerId))).isEqualTo(1);
    }

    @Test
    void theRetentionJobErasesACustomerWhoseLastReturnEndedLongAgoAndLeavesARecentOneAlone() {
        String swimwear = driver.product("SWIM", "swimwear", "8.00", "29.90", false, true);
        String oldCustomer = "C-OLD-" + UUID.randomUUID().toString().substring(0, 8);
        String recentCustomer = "C-RECENT-" + UUID.randomUUID().toString().substring(0, 8);
        String oldReturn = (String) requestReturn(order(oldCustomer, oldCustomer.toLowerCase() + "@example.com",
                swimwear, "29.90"), MESSAGE).get("returnId");
        String recentReturn = (String) requestReturn(order(recentCustomer,
                recentCustomer.toLowerCase() + "@example.com", swimwear, "29.90"), MESSAGE).get("returnId");
        // Final-sale items are rejected at once: both returns end now.
        driver.awaitStatus(oldReturn, "REJECTED");
        driver.awaitStatus(recentReturn, "REJECTED");
        // The old customer's last order and return ended four years ago, beyond the default retention of three.
        OffsetDateTime fourYearsAgo = OffsetDateTime.now().minusYears(4);
        db.update(CUSTOMER).set(CUSTOMER.UPDATED_AT, fourYearsAgo).where(CUSTOMER.ID.eq(oldCustomer)).execute();
        db.update(RETURN_REQUEST).set(RETURN_REQUEST.STATUS_CHANGED_AT, fourYearsAgo)
                .where(RETURN_REQUEST.ID.eq(UUID.fromString(oldReturn))).execute();

        assertThat(retention.run()).isPositive();

        assertThat(db.select(CUSTOMER.EMAIL).from(CUSTOMER).where(CUSTOMER.ID.eq(oldCustomer))
                .fetchOne(CUSTOMER.EMAIL)).matches("erased-[0-9a-f]{12}@invalid");
        assertThat(db.select(RETURN_REQUEST.CUSTOMER_MESSAGE).from(RETURN_REQUEST)
                .where(RETURN_REQUEST.ID.eq(UUID.fromString(oldReturn))).fetchOne(RETURN_REQUEST.CUSTOMER_MESSAGE))
                .isEqualTo("[erased]");
        assertThat(db.selectFrom(ERASURE).where(ERASURE.CUSTOMER_ID.eq(oldCustomer)).fetchOne())
                .satisfies(erasure -> {
                    assertThat(erasure.getErasedBy()).isEqualTo("system");
                    assertThat(erasure.getCause()).isEqualTo("RETENTION");
                    assertThat(erasure.getReason()).contains("P3Y");
                });
        assertThat(db.select(CUSTOMER.EMAIL).from(CUSTOMER).where(CUSTOMER.ID.eq(recentCustomer))
                .fetchOne(CUSTOMER.EMAIL)).isEqualTo(recentCustomer.toLowerCase() + "@example.com");
        assertThat(db.select(RETURN_REQUEST.CUSTOMER_MESSAGE).from(RETURN_REQUEST)
                .where(RETURN_REQUEST.ID.eq(UUID.fromString(recentReturn))).fetchOne(RETURN_REQUEST.CUSTOMER_MESSAGE))
                .isEqualTo(MESSAGE);
        assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.eq(recentCustomer))).isZero();

        assertThat(retention.run()).as("an erased customer is not erased again").isZero();
    }

    @Test
    void twoNodesRunningTheRetentionJobAtOnceEraseEachCustomerOnce() throws Exception {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String customerId = "C-IDLE-" + UUID.randomUUID().toString().substring(0, 8);
            order(customerId, customerId.toLowerCase() + "@example.com", tshirt, "19.90");
            customers.add(customerId);
        }
        // Customers with an order and no return, whose last order came four years ago.
        db.update(CUSTOMER).set(CUSTOMER.UPDATED_AT, OffsetDateTime.now().minusYears(4))
                .where(CUSTOMER.ID.in(customers)).execute();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = nodes.submit(retention::run);
            Future<Integer> second = nodes.submit(retention::run);
            assertThat(first.get(1, TimeUnit.MINUTES) + second.get(1, TimeUnit.MINUTES))
                    .isGreaterThanOrEqualTo(customers.size());
        } finally {
            nodes.shutdown();
        }

        for (String customerId : customers) {
            assertThat(db.fetchCount(ERASURE, ERASURE.CUSTOMER_ID.eq(customerId))).as(customerId).isEqualTo(1);
        }
    }

    @Test
    void theTimelineLetsAnErasureRewriteADetailAndNothingElse() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String customerId = "C-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
        UUID returnId = UUID.fromString((String) requestReturn(order(customerId,
                customerId.toLowerCase() + "@example.com", tshirt, "19.90"), MESSAGE).get("returnId"));
        long eventId = db.select(DSL.min(RETURN_EVENT.ID)).from(RETURN_EVENT)
                .where(RETURN_EVENT.RETURN_ID.eq(returnId)).fetchOne(0, Long.class);
        TransactionTemplate erasure = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> db.update(RETURN_EVENT).set(RETURN_EVENT.DETAIL, "[erased]")
                .where(RETURN_EVENT.ID.eq(eventId)).execute())
                .as("outside an erasure").hasMessageContaining("return_event is append-only");
        assertThatThrownBy(() -> erasure.executeWithoutResult(status -> {
            declareErasure();
            db.update(RETURN_EVENT).set(RETURN_EVENT.ACTOR, "someone else").where(RETURN_EVENT.ID.eq(eventId))
                    .execute();
        })).as("who acted stays, erasure or not").hasMessageContaining("return_event is append-only");
        assertThatThrownBy(() -> erasure.executeWithoutResult(status -> {
            declareErasure();
            db.deleteFrom(RETURN_EVENT).where(RETURN_EVENT.ID.eq(eventId)).execute();
        })).hasMessageContaining("return_event is append-only");

        erasure.executeWithoutResult(status -> {
            declareErasure();
            db.update(RETURN_EVENT).set(RETURN_EVENT.DETAIL, "[erased]").where(RETURN_EVENT.ID.eq(eventId)).execute();
        });
        assertThat(db.select(RETURN_EVENT.DETAIL).from(RETURN_EVENT).where(RETURN_EVENT.ID.eq(eventId))
                .fetchOne(RETURN_EVENT.DETAIL)).isEqualTo("[erased]");
    }

    private void declareErasure() {
        db.fetch("select set_config('returns.erasure', 'on', true)");
    }

    /** A web order of one unit for the customer given, with a phone number and a shipping address. */
    private String order(String customerId, String email, String sku, String unitPrice) {
        String orderId = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime delivered = OffsetDateTime.now().minusDays(5);
        ResponseEntity<Map<String, Object>> created = api.post("support1", "/api/orders", Map.of("id", orderId,
                "channel", "WEB",
                "customer", Map.of("id", customerId, "email", email, "tier", "STANDARD", "phone", phone),
                "placedAt", delivered.minusDays(3).toString(), "deliveredAt", delivered.toString(),
                "currency", "EUR", "warehouse", driver.warehouse, "shippingAddress", address,
                "lines", List.of(Map.of("lineNo", 1, "sku", sku, "quantity", 1,
                        "unitPrice", new BigDecimal(unitPrice), "serials", List.of()))));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return orderId;
    }

    private Map<String, Object> requestReturn(String orderId, String message) {
        ResponseEntity<Map<String, Object>> response = api.post("support1", "/api/returns", Map.of(
                "orderId", orderId, "lines", List.of(returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED")),
                "customerMessage", message));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /**
     * The records an erasure must leave as they are, as counts and sums: the order and its lines, the return, its
     * lines and timeline entries (who, when, what), stock moves, journal lines, refunds and credit notes.
     */
    private List<Object> recordsThatMustStay(String customerId, String returnId) {
        UUID id = UUID.fromString(returnId);
        List<Object> records = new ArrayList<>();
        records.add(db.select(DSL.count(), DSL.sum(SALES_ORDER_LINE.UNIT_PRICE_MINOR), DSL.sum(SALES_ORDER_LINE.QUANTITY))
                .from(SALES_ORDER_LINE).join(SALES_ORDER).on(SALES_ORDER.ID.eq(SALES_ORDER_LINE.ORDER_ID))
                .where(SALES_ORDER.CUSTOMER_ID.eq(customerId)).fetchOne().intoList());
        records.add(db.select(RETURN_REQUEST.RMA_NUMBER, RETURN_REQUEST.STATUS, RETURN_REQUEST.REQUESTED_BY,
                RETURN_REQUEST.REQUESTED_AT).from(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(id)).fetchOne().intoList());
        records.add(db.select(RETURN_LINE.LINE_NO, RETURN_LINE.QUANTITY, RETURN_LINE.REASON_CODE,
                        RETURN_LINE.DISPOSITION, RETURN_LINE.REFUND_DECISION, RETURN_LINE.RECEIVED_SKU)
                .from(RETURN_LINE).where(RETURN_LINE.RETURN_ID.eq(id)).orderBy(RETURN_LINE.LINE_NO).fetch()
                .map(row -> row.intoList()));
        records.add(db.select(RETURN_EVENT.ID, RETURN_EVENT.OCCURRED_AT, RETURN_EVENT.ACTOR, RETURN_EVENT.TYPE,
                        RETURN_EVENT.FROM_STATUS, RETURN_EVENT.TO_STATUS)
                .from(RETURN_EVENT).where(RETURN_EVENT.RETURN_ID.eq(id)).orderBy(RETURN_EVENT.ID).fetch()
                .map(row -> row.intoList()));
        records.add(db.select(DSL.count(), DSL.sum(STOCK_MOVE.QUANTITY), DSL.sum(STOCK_MOVE.VALUE_MINOR))
                .from(STOCK_MOVE).where(STOCK_MOVE.REFERENCE_ID.eq(returnId)).fetchOne().intoList());
        records.add(db.select(DSL.count(), DSL.sum(JOURNAL_LINE.DEBIT_MINOR), DSL.sum(JOURNAL_LINE.CREDIT_MINOR))
                .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_ENTRY.RETURN_ID.eq(id)).fetchOne().intoList());
        records.add(db.select(DSL.count(), DSL.sum(REFUND.AMOUNT_MINOR), DSL.max(REFUND.STATUS))
                .from(REFUND).where(REFUND.RETURN_ID.eq(id)).fetchOne().intoList());
        records.add(db.select(DSL.count(), DSL.sum(CREDIT_NOTE.AMOUNT_MINOR))
                .from(CREDIT_NOTE).join(REFUND).on(REFUND.ID.eq(CREDIT_NOTE.REFUND_ID))
                .where(REFUND.RETURN_ID.eq(id)).fetchOne().intoList());
        assertThat(records.get(4).toString()).as("the return moved stock").doesNotStartWith("[0");
        assertThat(records.get(7).toString()).as("the refund was paid with a credit note").startsWith("[1");
        return records;
    }

    private int reconciliationBreaks() {
        ResponseEntity<Map<String, Object>> run = api.post("inventory1", "/api/reconciliation/runs", Map.of());
        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (Integer) run.getBody().get("breaksFound");
    }

    /** Every value the engine's history holds for the process instances of a business key, current and earlier. */
    private List<String> historicValues(String businessKey) {
        HistoryService history = processEngine.getHistoryService();
        List<String> values = new ArrayList<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().forEach(instance -> {
            history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
                    .forEach(variable -> values.add(String.valueOf(variable.getValue())));
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance.getId())
                    .variableUpdates().list()) {
                values.add(String.valueOf(((HistoricVariableUpdate) detail).getValue()));
            }
        });
        return values;
    }
}
