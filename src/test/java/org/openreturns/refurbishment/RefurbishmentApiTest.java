package org.openreturns.refurbishment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ResolvedReturns;
import org.openreturns.ResolvedReturns.Line;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/refurbishments}: the queue by status and warehouse, and completing a job, through HTTP. */
@ReturnsIntegrationTest
class RefurbishmentApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RefurbishmentQueue queue;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    Journal journal;

    ApiClient api;
    ResolvedReturns returns;
    String warehouse;
    Line line;
    long jobId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        returns = new ResolvedReturns(db, orders, ledger, catalog, journal);
        warehouse = returns.warehouse();
        line = returns.returned(warehouse, returns.product(false), null);
        returns.unitIn(line, LocationType.REFURBISHMENT, MoveReason.REFURBISH);
        jobId = queue.enqueue(line.returnId(), 1, line.sku(), null, 1, warehouse, "system");
    }

    @Test
    void theQueueListsTheOpenJobsOfAWarehouse() {
        assertThat(api.getList("warehouse1", "/api/refurbishments?status=OPEN&warehouse=" + warehouse).getBody())
                .singleElement().satisfies(job -> {
                    assertThat(((Number) job.get("id")).longValue()).isEqualTo(jobId);
                    assertThat(job).containsEntry("returnId", line.returnId().toString()).containsEntry("lineNo", 1)
                            .containsEntry("sku", line.sku()).containsEntry("quantity", 1)
                            .containsEntry("warehouse", warehouse).containsEntry("status", "OPEN");
                });
        assertThat(api.getList("warehouse1", "/api/refurbishments?status=DONE&warehouse=" + warehouse).getBody())
                .isEmpty();
    }

    @Test
    void theCallerCompletesAJobAndCannotCompleteItAgainTheOtherWay() {
        ResponseEntity<Map<String, Object>> done = complete("warehouse1", Map.of("outcome", "RESTOCK",
                "notes", "new zip"));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).containsEntry("status", "DONE").containsEntry("outcome", "RESTOCKED")
                .containsEntry("notes", "new zip").containsEntry("completedBy", "warehouse1");
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.SELLABLE, 1));
        assertThat(complete("quality1", Map.of("outcome", "RESTOCK")).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> other = complete("quality1", Map.of("outcome", "SCRAP"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getBody()).containsEntry("detail", "Refurbishment job " + jobId + " was completed as RESTOCKED");
    }

    @Test
    void aBadCompletionNamesTheFieldAndChangesNothing() {
        ResponseEntity<Map<String, Object>> missing = complete("quality1", Map.of("notes", "forgot the outcome"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(missing)).containsExactly("outcome");

        ResponseEntity<Map<String, Object>> unknown = complete("quality1", Map.of("outcome", "POLISH"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("outcome");
        assertThat(unknown.getBody().get("detail").toString()).contains("RESTOCK", "SCRAP");

        ResponseEntity<Map<String, Object>> tooLong = complete("quality1", Map.of("outcome", "SCRAP",
                "notes", "x".repeat(2001)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(tooLong)).containsExactly("notes");

        assertThat(queue.jobs("OPEN", warehouse)).extracting(RefurbishmentJobView::id).containsExactly(jobId);
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.REFURBISHMENT, 1));
    }

    @Test
    void anUnknownOrMalformedJobIdIsNamed() {
        ResponseEntity<Map<String, Object>> unknown = api.post("quality1",
                "/api/refurbishments/" + Long.MAX_VALUE + "/complete", Map.of("outcome", "RESTOCK"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("jobId");

        ResponseEntity<Map<String, Object>> malformed = api.post("quality1", "/api/refurbishments/abc/complete",
                Map.of("outcome", "RESTOCK"));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(malformed)).containsExactly("jobId");
    }

    @Test
    void anUnknownStatusFilterIsNamed() {
        ResponseEntity<Map<String, Object>> refused = api.get("warehouse1", "/api/refurbishments?status=LOST");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("status");
    }

    @Test
    void onlyTheWarehouseOrQualityCompleteJobs() {
        ResponseEntity<Map<String, Object>> refused = complete("support1", Map.of("outcome", "SCRAP"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(queue.jobs("OPEN", warehouse)).extracting(RefurbishmentJobView::id).containsExactly(jobId);
        assertThat(complete("admin", Map.of("outcome", "SCRAP")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theQueueNeedsCredentials() {
        assertThat(http.getForEntity("/api/refurbishments?status=OPEN", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/refurbishments/" + jobId + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("outcome", "RESTOCK")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(queue.jobs("OPEN", warehouse)).extracting(RefurbishmentJobView::id).containsExactly(jobId);
    }

    private ResponseEntity<Map<String, Object>> complete(String user, Map<String, Object> body) {
        return api.post(user, "/api/refurbishments/" + jobId + "/complete", body);
    }
}
