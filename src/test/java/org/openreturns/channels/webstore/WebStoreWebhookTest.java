package org.openreturns.channels.webstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.channels.WebStoreClient.fulfillment;
import static org.openreturns.channels.WebStoreClient.order;
import static org.openreturns.db.Tables.CHANNEL_DEAD_LETTER;
import static org.openreturns.db.Tables.LOCATION;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Accounts;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.catalog.LocationType;
import org.openreturns.channels.WebStoreClient;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.inventory.OnHand;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The web store's webhooks: the signature and the triggered-at time are the authentication; a signed delivery is
 * taken through the channel inbox once, in whatever order the platform sends them, and a refused one is answered 200
 * as a dead letter.
 */
@ReturnsIntegrationTest
class WebStoreWebhookTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    StockLedger ledger;
    @Autowired
    Journal journal;

    ApiClient api;
    WebStoreClient store;
    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        api.catalogue();
        store = new WebStoreClient(http);
        fixtures = new LedgerFixtures(db);
    }

    @Test
    void aDeliveryIsTakenOnlyWithTheBodysSignatureUnderTheChannelsSecretAndATimeWithinTheTolerance() {
        String sku = stocked(5);
        String orderId = newOrderId();
        String body = WebStoreClient.json(order(orderId, List.of(), sku, 1));
        String now = OffsetDateTime.now().toString();
        String signature = WebStoreClient.sign(body, store.secret);

        ResponseEntity<Map<String, Object>> unsigned = store.deliver("orders/create", "wh-1-" + orderId, body, null,
                now);
        ResponseEntity<Map<String, Object>> tampered = store.deliver("orders/create", "wh-2-" + orderId,
                body.replace("19.90", "0.01"), signature, now);
        ResponseEntity<Map<String, Object>> otherSecret = store.deliver("orders/create", "wh-3-" + orderId, body,
                WebStoreClient.sign(body, "not-the-channels-secret"), now);
        ResponseEntity<Map<String, Object>> stale = store.deliver("orders/create", "wh-4-" + orderId, body, signature,
                OffsetDateTime.now().minusMinutes(6).toString());
        ResponseEntity<Map<String, Object>> future = store.deliver("orders/create", "wh-5-" + orderId, body, signature,
                OffsetDateTime.now().plusMinutes(6).toString());
        ResponseEntity<Map<String, Object>> noTime = store.deliver("orders/create", "wh-6-" + orderId, body, signature,
                null);

        for (ResponseEntity<Map<String, Object>> refused : List.of(unsigned, tampered, otherSecret, stale, future,
                noTime)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getBody()).containsEntry("status", 401);
        }
        assertThat((String) stale.getBody().get("detail")).contains("replay");
        assertThat((String) future.getBody().get("detail")).contains("replay");
        assertThat(orderExists(orderId)).as("nothing stored").isFalse();
        assertThat(db.fetchCount(CHANNEL_DEAD_LETTER, CHANNEL_DEAD_LETTER.CHANNEL.eq(store.channel)))
                .as("not even a dead letter").isZero();

        ResponseEntity<Map<String, Object>> signed = store.deliver("orders/create", "wh-7-" + orderId, body,
                signature, OffsetDateTime.now().minusMinutes(4).toString());

        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(signed.getBody()).containsEntry("status", "TAKEN").containsEntry("topic", "orders/create");
        assertThat(orderExists(orderId)).isTrue();
    }

    @Test
    void credentialsOfAUserOpenNothingAndAChannelWithoutASecretTakesNoWebhook() {
        String body = WebStoreClient.json(order(newOrderId(), List.of(), "TEE-X", 1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Shopify-Topic", "orders/create");
        headers.set("X-Shopify-Webhook-Id", "wh-" + UUID.randomUUID());
        headers.set("X-Shopify-Triggered-At", OffsetDateTime.now().toString());

        ResponseEntity<String> asAdmin = http.withBasicAuth("admin", "demo").postForEntity("/api/channels/"
                + store.channel + "/webhooks", new HttpEntity<>(body, headers), String.class);
        headers.set("X-Shopify-Hmac-Sha256", WebStoreClient.sign(body, "anything"));
        ResponseEntity<String> channelWithoutSecret = http.postForEntity("/api/channels/WEB/webhooks",
                new HttpEntity<>(body, headers), String.class);

        assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(channelWithoutSecret.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(channelWithoutSecret.getBody()).contains("no webhook secret");
        assertThat(api.getList("admin", "/api/channels").getBody()).allSatisfy(channel ->
                assertThat(channel).doesNotContainKey("webhookSecret"));
    }

    @Test
    void anOrderIsIngestedReservedAndShippedOnceHoweverOftenItsWebhooksArrive() {
        String sku = stocked(5);
        String orderId = newOrderId();
        Map<String, Object> created = order(orderId, List.of(), sku, 3);
        Map<String, Object> fulfilled = order(orderId, List.of(fulfillment("F1-" + orderId, 1, 2)), sku, 3);

        assertThat(store.deliver("orders/create", "wh-c-" + orderId, created).getBody())
                .containsEntry("status", "TAKEN");
        assertThat(ledger.reserved(sku)).isEqualTo(3);
        assertThat(ledger.availableToSell(sku)).isEqualTo(2);

        ResponseEntity<Map<String, Object>> first = store.deliver("orders/fulfilled", "wh-f-" + orderId, fulfilled);
        ResponseEntity<Map<String, Object>> sameWebhook = store.deliver("orders/fulfilled", "wh-f-" + orderId,
                fulfilled);
        ResponseEntity<Map<String, Object>> resentAsNew = store.deliver("orders/fulfilled", "wh-f2-" + orderId,
                fulfilled);
        ResponseEntity<Map<String, Object>> createdAgain = store.deliver("orders/create", "wh-c-" + orderId, created);

        for (ResponseEntity<Map<String, Object>> answer : List.of(first, sameWebhook, resentAsNew, createdAgain)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).containsEntry("status", "TAKEN");
        }
        assertThat(ledger.onHand(sku)).containsExactly(new OnHand("WH-BER", LocationType.SELLABLE, 3));
        assertThat(ledger.reserved(sku)).isEqualTo(1);
        Map<String, Object> line = lines(api.get("support1", "/api/orders/" + orderId + "?channel="
                + store.channel).getBody()).get(0);
        assertThat(line).containsEntry("quantity", 3).containsEntry("shippedQuantity", 2)
                .containsEntry("cancelledQuantity", 0);
        long moveId = ledger.recordedMove("shipment-" + store.channel + "-fulfilment-F1-" + orderId + "-line-1")
                .orElseThrow().moveId();
        assertThat(journal.entriesOfSource(JournalEntryDraft.SourceType.STOCK_MOVE, String.valueOf(moveId)))
                .singleElement().satisfies(entry -> assertThat(entry.lines()).containsExactlyInAnyOrder(
                        new JournalEntryView.LineView(Accounts.COST_OF_GOODS_SOLD, 2000, 0),
                        new JournalEntryView.LineView(Accounts.INVENTORY_SELLABLE, 0, 2000)));
    }

    @Test
    void aCancellationArrivingBeforeTheOrderIngestsItShipsItsFulfilmentAndCancelsTheRestAndALateCreateChangesNothing() {
        String sku = stocked(5);
        String orderId = newOrderId();
        Map<String, Object> cancelled = order(orderId, List.of(fulfillment("F1-" + orderId, 1, 1)), sku, 3);

        ResponseEntity<Map<String, Object>> first = store.deliver("orders/cancelled", "wh-x-" + orderId, cancelled);
        ResponseEntity<Map<String, Object>> lateCreate = store.deliver("orders/create", "wh-c-" + orderId,
                order(orderId, List.of(), sku, 3));
        ResponseEntity<Map<String, Object>> fulfilledLate = store.deliver("orders/fulfilled", "wh-f-" + orderId,
                order(orderId, List.of(fulfillment("F1-" + orderId, 1, 1)), sku, 3));

        assertThat(first.getBody()).containsEntry("status", "TAKEN");
        assertThat(lateCreate.getBody()).containsEntry("status", "TAKEN");
        assertThat(fulfilledLate.getBody()).containsEntry("status", "TAKEN");
        Map<String, Object> line = lines(api.get("support1", "/api/orders/" + orderId + "?channel="
                + store.channel).getBody()).get(0);
        assertThat(line).containsEntry("quantity", 3).containsEntry("shippedQuantity", 1)
                .containsEntry("cancelledQuantity", 2);
        assertThat(ledger.reserved(sku)).isZero();
        assertThat(ledger.availableToSell(sku)).isEqualTo(4);
        assertThat(ledger.onHand(sku)).containsExactly(new OnHand("WH-BER", LocationType.SELLABLE, 4));
    }

    @Test
    void aRefusedDeliveryIsAnswered200AsADeadLetterKeepsNothingOfItAndIsTakenWhenReplayedAfterTheFix() {
        String sku = stocked(1);
        String orderId = newOrderId();
        Map<String, Object> fulfilled = order(orderId, List.of(fulfillment("F1-" + orderId, 1, 2)), sku, 2);

        ResponseEntity<Map<String, Object>> refused = store.deliver("orders/fulfilled", "wh-" + orderId, fulfilled);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).containsEntry("status", "DEAD_LETTERED");
        assertThat((String) refused.getBody().get("reason")).contains("cannot ship from SELLABLE stock");
        assertThat(orderExists(orderId)).as("the order ingested for it was rolled back too").isFalse();
        long letter = ((Number) refused.getBody().get("deadLetterId")).longValue();
        assertThat(api.get("inventory1", "/api/dead-letters/" + letter).getBody())
                .containsEntry("messageType", "web-store:orders/fulfilled").containsEntry("messageId", "wh-" + orderId)
                .containsEntry("channel", store.channel).containsEntry("status", "OPEN");

        addStock(sku, 1);
        Map<String, Object> replayed = api.post("inventory1", "/api/dead-letters/" + letter + "/replay", Map.of())
                .getBody();

        assertThat(replayed).containsEntry("status", "REPLAYED");
        assertThat(lines(api.get("support1", "/api/orders/" + orderId + "?channel=" + store.channel).getBody())
                .get(0)).containsEntry("shippedQuantity", 2);
        assertThat(store.deliver("orders/fulfilled", "wh-" + orderId, fulfilled).getBody())
                .containsEntry("status", "TAKEN");
        assertThat(ledger.availableToSell(sku)).isZero();
    }

    @Test
    void anUnknownTopicOrAMissingWebhookIdIsABadRequestAndStoresNothing() {
        String body = WebStoreClient.json(order(newOrderId(), List.of(), "TEE-X", 1));
        String signature = WebStoreClient.sign(body, store.secret);

        ResponseEntity<Map<String, Object>> topic = store.deliver("products/update", "wh-" + UUID.randomUUID(), body,
                signature, OffsetDateTime.now().toString());
        ResponseEntity<Map<String, Object>> noId = store.deliver("orders/create", null, body, signature,
                OffsetDateTime.now().toString());

        String withNul = body.replace("example.com", "exa\\u0000mple.com");
        ResponseEntity<Map<String, Object>> nul = store.deliver("orders/create", "wh-" + UUID.randomUUID(), withNul,
                WebStoreClient.sign(withNul, store.secret), OffsetDateTime.now().toString());

        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(nul)).containsExactly("body");
        assertThat(topic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(topic)).containsExactly("X-Shopify-Topic");
        assertThat(noId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(noId)).containsExactly("X-Shopify-Webhook-Id");
        assertThat(db.fetchCount(CHANNEL_DEAD_LETTER, CHANNEL_DEAD_LETTER.CHANNEL.eq(store.channel))).isZero();
    }

    private String stocked(int quantity) {
        String sku = fixtures.product(false);
        addStock(sku, quantity);
        return sku;
    }

    private void addStock(String sku, int quantity) {
        long sellable = db.select(LOCATION.ID).from(LOCATION).where(LOCATION.WAREHOUSE_CODE.eq("WH-BER"))
                .and(LOCATION.TYPE.eq(LocationType.SELLABLE.name())).fetchSingle(LOCATION.ID);
        ledger.record(List.of(StockMoveRequest.openingStock(UUID.randomUUID().toString(), sku, null, quantity,
                sellable, 1000, "tester")));
    }

    private boolean orderExists(String orderId) {
        return db.fetchExists(SALES_ORDER, SALES_ORDER.CHANNEL.eq(store.channel)
                .and(SALES_ORDER.ORDER_NUMBER.eq(orderId)));
    }

    private static String newOrderId() {
        return "SO-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("lines");
    }
}
