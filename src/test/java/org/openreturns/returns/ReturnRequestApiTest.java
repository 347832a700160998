package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openreturns.ApiClient.line;
import static org.openreturns.ApiClient.newOrderId;
import static org.openreturns.ApiClient.order;
import static org.openreturns.db.Tables.RETURN_EVENT;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ReturnsIntegrationTest
class ReturnRequestApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    DSLContext db;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        api.catalogue("TSHIRT-BLK-M");
    }

    @Test
    void aLineWhoseSkuIsNotInTheCatalogueIsRefusedNamingTheLine() {
        String orderId = orderWith(line(1, "NOT-IN-CATALOGUE-1", 1, "19.90"));

        ResponseEntity<Map<String, Object>> refused = requestReturn(orderId, 1, 1);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("lines[0].lineNo");
    }

    @Test
    void aReturnGetsAnRmaNumberAndStartsRequested() {
        String orderId = orderWith(line(1, "TSHIRT-BLK-M", 3, "19.90"));

        ResponseEntity<Map<String, Object>> created = requestReturn(orderId, 1, 2);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/returns/" + created.getBody().get("returnId"));
        assertThat((String) created.getBody().get("rmaNumber")).matches("RMA-\\d{4}-\\d{6}");
        assertThat(created.getBody()).containsEntry("status", "REQUESTED");
    }

    @Test
    void noMoreCanBeReturnedThanWasSoldMinusWhatIsAlreadyReturned() {
        String orderId = orderWith(line(1, "TSHIRT-BLK-M", 3, "19.90"));
        assertThat(requestReturn(orderId, 1, 2).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> refused = requestReturn(orderId, 1, 2);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("lines[0].quantity");
        assertThat((String) refused.getBody().get("detail")).contains("only 1 of 3");
        assertThat(requestReturn(orderId, 1, 1).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aLineThatIsNotOnTheOrderIsNamed() {
        String orderId = orderWith(line(1, "TSHIRT-BLK-M", 1, "19.90"));

        ResponseEntity<Map<String, Object>> refused = requestReturn(orderId, 7, 1);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ApiClient.problemFields(refused)).containsExactly("lines[0].lineNo");
    }

    @Test
    void anUnknownOrderIsNotFound() {
        ResponseEntity<Map<String, Object>> refused = requestReturn("NO-SUCH-ORDER", 1, 1);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(refused)).containsExactly("orderId");
    }

    @Test
    void anUnknownReasonCodeIsNamedWithTheAllowedCodes() {
        String orderId = orderWith(line(1, "TSHIRT-BLK-M", 1, "19.90"));

        ResponseEntity<Map<String, Object>> refused = api.post("support1", "/api/returns", Map.of("orderId", orderId,
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reasonCode", "TOO_EXPENSIVE"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(refused)).containsExactly("lines[0].reasonCode");
    }

    @Test
    void anUnknownReturnIsNotFoundAndAMalformedIdIsNamed() {
        assertThat(api.get("support1", "/api/returns/" + UUID.randomUUID()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> malformed = api.get("support1", "/api/returns/not-a-uuid");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(malformed)).containsExactly("returnId");
    }

    @Test
    void aReturnIsFoundByItsRmaNumberAsByItsId() {
        String orderId = orderWith(line(1, "TSHIRT-BLK-M", 1, "19.90"));
        Map<String, Object> created = requestReturn(orderId, 1, 1).getBody();

        ResponseEntity<Map<String, Object>> byRma = api.get("support1", "/api/returns/" + created.get("rmaNumber"));

        assertThat(byRma.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> byId = api.get("support1", "/api/returns/" + created.get("returnId")).getBody();
        // Status, timeline and line decisions move on with the process between the two calls; these facts do not.
        for (String fact : List.of("returnId", "rmaNumber", "orderId", "requestedAt", "requestedBy")) {
            assertThat(byRma.getBody().get(fact)).as(fact).isNotNull().isEqualTo(byId.get(fact));
        }
        ResponseEntity<Map<String, Object>> unknown = api.get("support1", "/api/returns/RMA-1999-000001");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.problemFields(unknown)).containsExactly("returnId");
    }

    @Test
    void theTimelineIsAppendOnlyInTheDatabase() {
        String orderId = orderWith(line(1, "TSHIRT-BLK-M", 1, "19.90"));
        UUID returnId = UUID.fromString((String) requestReturn(orderId, 1, 1).getBody().get("returnId"));

        assertThatThrownBy(() -> db.update(RETURN_EVENT).set(RETURN_EVENT.ACTOR, "someone else")
                .where(RETURN_EVENT.RETURN_ID.eq(returnId)).execute())
                .hasMessageContaining("return_event is append-only");
        assertThatThrownBy(() -> db.deleteFrom(RETURN_EVENT).where(RETURN_EVENT.RETURN_ID.eq(returnId)).execute())
                .hasMessageContaining("return_event is append-only");
    }

    private String orderWith(Map<String, Object> orderLine) {
        String orderId = newOrderId();
        assertThat(api.post("support1", "/api/orders", order(orderId, orderLine)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return orderId;
    }

    private ResponseEntity<Map<String, Object>> requestReturn(String orderId, int lineNo, int quantity) {
        return api.post("support1", "/api/returns", Map.of("orderId", orderId,
                "lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity, "reasonCode", "SIZE_TOO_SMALL"))));
    }
}
