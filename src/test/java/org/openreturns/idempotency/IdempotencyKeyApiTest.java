package org.openreturns.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;
import static org.openreturns.db.Tables.IDEMPOTENCY_KEY;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A client that repeats a write request with the same Idempotency-Key gets the first answer, and nothing doubles. */
@ReturnsIntegrationTest
class IdempotencyKeyApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;

    @Autowired
    DSLContext db;

    @Autowired
    IdempotencyConfiguration.IdempotencyKeyPurge purge;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        api.catalogue("TSHIRT-BLK-M");
    }

    @Test
    void aRepeatedReturnRequestIsAnsweredTheFirstResponseAndRaisesOneReturn() {
        String orderId = newOrderId();
        api.post("support1", "/api/orders", order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90")));
        Map<String, Object> request = Map.of("orderId", orderId,
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reasonCode", "SIZE_TOO_SMALL")));
        String key = UUID.randomUUID().toString();

        ResponseEntity<Map<String, Object>> first = post("support1", "/api/returns", key, request);
        ResponseEntity<Map<String, Object>> repeat = post("support1", "/api/returns", key, request);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repeat.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(repeat.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
        assertThat(repeat.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(returnsOf(orderId)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() {
        String key = UUID.randomUUID().toString();
        String orderId = newOrderId();
        post("support1", "/api/orders", key, order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90")));

        ResponseEntity<Map<String, Object>> refused = post("support1", "/api/orders", key,
                order(newOrderId(), line(1, "TSHIRT-BLK-M", 2, "19.90")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problems(refused)).containsOnly(entry("Idempotency-Key",
                "was used for a request with another body; a new request needs a new key"));
    }

    @Test
    void aKeyBelongsToItsUserAndEndpoint() {
        String key = UUID.randomUUID().toString();
        String orderId = newOrderId();
        Map<String, Object> body = order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90"));

        ResponseEntity<Map<String, Object>> bySupport = post("support1", "/api/orders", key, body);
        ResponseEntity<Map<String, Object>> byAdmin = post("admin", "/api/orders", key, body);

        assertThat(bySupport.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Another user's key is another key: the order runs again and is recognised by its natural key.
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byAdmin.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isNull();
    }

    @Test
    void aRefusedRequestStoresNothingSoTheCorrectedRequestMayUseTheKey() {
        String key = UUID.randomUUID().toString();
        String orderId = newOrderId();

        ResponseEntity<Map<String, Object>> refused = post("support1", "/api/orders", key,
                order(orderId, line(1, "TSHIRT-BLK-M", 0, "19.90")));
        ResponseEntity<Map<String, Object>> corrected = post("support1", "/api/orders", key,
                order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(ordersNamed(orderId)).isEqualTo(1);
    }

    @Test
    void twoRequestsWithOneKeyAtOnceRunOnce() {
        String key = UUID.randomUUID().toString();
        String orderId = newOrderId();
        Map<String, Object> body = order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90"));
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<ResponseEntity<Map<String, Object>>>> both = List.of(1, 2).stream()
                .map(attempt -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return post("support1", "/api/orders", key, body);
                })).toList();
        start.countDown();
        List<ResponseEntity<Map<String, Object>>> answers = both.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
        assertThat(answers.get(0).getBody()).isEqualTo(answers.get(1).getBody());
        assertThat(answers).filteredOn(answer -> answer.getHeaders().containsKey(IdempotencyFilter.REPLAYED_HEADER))
                .hasSize(1);
        assertThat(ordersNamed(orderId)).isEqualTo(1);
    }

    @Test
    void keysPastTheirTimeArePurgedAndTheRequestRunsAgain() {
        String key = UUID.randomUUID().toString();
        String orderId = newOrderId();
        Map<String, Object> body = order(orderId, line(1, "TSHIRT-BLK-M", 1, "19.90"));
        post("support1", "/api/orders", key, body);
        db.update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.CREATED_AT, OffsetDateTime.now().minusHours(25))
                .where(IDEMPOTENCY_KEY.KEY.eq(key)).execute();

        purge.purge();

        assertThat(db.fetchCount(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY.KEY.eq(key))).isZero();
        ResponseEntity<Map<String, Object>> again = post("support1", "/api/orders", key, body);
        // Ran again: the order is recognised by its natural key instead of being replayed.
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isNull();
    }

    @Test
    void aBlankOrOverlongKeyIsRefusedNamingTheHeader() {
        ResponseEntity<Map<String, Object>> refused = post("support1", "/api/orders", "k".repeat(256),
                order(newOrderId(), line(1, "TSHIRT-BLK-M", 1, "19.90")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(refused)).containsExactly("Idempotency-Key");
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, String key, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(IdempotencyFilter.HEADER, key);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    private int ordersNamed(String orderId) {
        return db.fetchCount(SALES_ORDER, SALES_ORDER.ORDER_NUMBER.eq(orderId));
    }

    private int returnsOf(String orderId) {
        return db.fetchCount(RETURN_REQUEST, RETURN_REQUEST.ORDER_ID.in(
                db.select(SALES_ORDER.ID).from(SALES_ORDER).where(SALES_ORDER.ORDER_NUMBER.eq(orderId))));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
