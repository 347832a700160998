package org.openreturns.refunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.refunds.RefundFixtures.key;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.orders.OrderService;
import org.openreturns.refunds.RefundFixtures.Line;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Refunds through the HTTP API: a return inspected by the real process, the settlement file, exceptions. */
@ReturnsIntegrationTest
class RefundApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RefundService refunds;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;

    ApiClient api;
    RefundFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        fixtures = new RefundFixtures(db, orders);
    }

    @Test
    void theSettlementFileListsEachReleasedRefundOnceAndABatchCanBeDownloadedAgain() {
        Line first = fixtures.returnedLine("59.90");
        Line second = fixtures.returnedLine("19.90");
        long feeRefund = released(first, HoldRequest.restockingFee(key(), first.returnId(), 1, 599));
        long fullRefund = released(second, HoldRequest.full(key(), second.returnId(), 1));
        RefundView fee = refunds.refund(feeRefund);

        ResponseEntity<String> file = settlementFile("finance1", "");

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
        String batch = file.getHeaders().getFirst("Settlement-Batch");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("settlement-" + batch + ".csv");
        List<String> rows = Arrays.asList(file.getBody().split("\r\n"));
        assertThat(rows.get(0)).isEqualTo(
                "refund_id,rma_number,customer_id,customer_email,amount,currency,credit_note,gateway_reference");
        assertThat(rows).contains(String.join(",", String.valueOf(feeRefund), first.rmaNumber(), first.customerId(),
                first.customerId().toLowerCase() + "@example.com", "53.91", "EUR", fee.creditNote().number(),
                fee.gatewayReference()));
        assertThat(rows).anyMatch(row -> row.startsWith(fullRefund + "," + second.rmaNumber() + ",")
                && row.contains(",19.90,EUR,CN-"));

        String next = settlementFile("finance1", "").getBody();
        assertThat(next).doesNotContain(first.rmaNumber()).doesNotContain(second.rmaNumber());

        ResponseEntity<String> again = settlementFile("admin", "?batch=" + batch);
        assertThat(again.getBody()).isEqualTo(file.getBody());
    }

    @Test
    void onlyFinanceGetsTheSettlementFile() {
        ResponseEntity<String> refused = settlementFile("support1", "");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("may not GET /api/refunds/settlement-file; it is for finance, admin");
        assertThat(settlementFile("finance1", "?batch=999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExceptionIsRequestedByOnePersonAndApprovedByAnotherFromFinanceOrManagement() {
        Line line = fixtures.returnedLine("129.00");
        Map<String, Object> request = Map.of("returnId", line.returnId(), "lineNo", 1,
                "reason", "Carrier confirmed the parcel was lost");

        ResponseEntity<Map<String, Object>> requested = api.post("support1", "/api/refunds/exceptions", request);
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object exceptionId = requested.getBody().get("id");
        assertThat(requested.getBody()).containsEntry("requestedBy", "support1").doesNotContainKey("approvedBy");

        assertThat(api.post("support1", "/api/refunds/exceptions/" + exceptionId + "/approve", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> approved =
                api.post("manager1", "/api/refunds/exceptions/" + exceptionId + "/approve", Map.of());
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody()).containsEntry("approvedBy", "manager1").containsKey("approvedAt");

        ResponseEntity<Map<String, Object>> own = api.post("finance1", "/api/refunds/exceptions", request);
        ResponseEntity<Map<String, Object>> selfApproved =
                api.post("finance1", "/api/refunds/exceptions/" + own.getBody().get("id") + "/approve", Map.of());
        assertThat(selfApproved.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) selfApproved.getBody().get("detail")).contains("another person must approve it");

        ResponseEntity<Map<String, Object>> noReason = api.post("support1", "/api/refunds/exceptions",
                Map.of("returnId", line.returnId(), "lineNo", 1, "reason", " "));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(noReason)).containsExactly("reason");
    }

    @Test
    void refundsOfAnUnknownReturnAreNotFound() {
        ResponseEntity<Map<String, Object>> missing = api.get("support1", "/api/refunds?returnId=" + UUID.randomUUID());

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(missing)).containsExactly("returnId");
    }

    private long released(Line line, HoldRequest hold) {
        fixtures.passedInspection(line);
        long refundId = refunds.hold(hold, "system").id();
        refunds.approve(refundId, "finance1");
        refunds.release(refundId, "finance1");
        return refundId;
    }

    private ResponseEntity<String> settlementFile(String user, String query) {
        return http.withBasicAuth(user, "demo").exchange("/api/refunds/settlement-file" + query, HttpMethod.GET,
                null, String.class);
    }
}
