package org.openreturns.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Channel messages that cannot be taken are kept with the reason, seen through the API, replayed after the cause is
 * fixed, or discarded saying why; an outage keeps nothing.
 */
@ReturnsIntegrationTest
class DeadLetterApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ChannelInbox inbox;
    @Autowired
    ProductMentionHandler handler;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        api.catalogue();
    }

    @Test
    void aRefusedMessageIsKeptWithItsReasonAndTakenWhenReplayedAfterTheFix() {
        String sku = "DL-" + UUID.randomUUID().toString().substring(0, 8);
        ChannelMessage message = mention("evt-" + UUID.randomUUID(), sku);

        ChannelInbox.Outcome first = inbox.take(message);
        ChannelInbox.Outcome again = inbox.take(message);

        assertThat(first.taken()).isFalse();
        assertThat(first.reason()).isEqualTo("No product " + sku + " is known");
        assertThat(again.deadLetterId()).as("the same message updates its letter").isEqualTo(first.deadLetterId());
        Map<String, Object> letter = api.get("support1", "/api/dead-letters/" + first.deadLetterId()).getBody();
        assertThat(letter).containsEntry("channel", "WEB").containsEntry("messageType", ProductMentionHandler.TYPE)
                .containsEntry("messageId", message.messageId()).containsEntry("payload", sku)
                .containsEntry("status", "OPEN").containsEntry("attempts", 2)
                .containsEntry("reason", "No product " + sku + " is known");
        assertThat(ids(api.getList("inventory1", "/api/dead-letters?channel=WEB").getBody()))
                .contains(first.deadLetterId());

        Map<String, Object> stillRefused = api.post("inventory1", "/api/dead-letters/" + first.deadLetterId()
                + "/replay", Map.of()).getBody();
        assertThat(stillRefused).containsEntry("status", "OPEN").containsEntry("attempts", 3);
        assertThat(handler.taken).doesNotContain(message.messageId());

        api.catalogue(sku);
        ResponseEntity<Map<String, Object>> replayed = api.post("inventory1", "/api/dead-letters/"
                + first.deadLetterId() + "/replay", Map.of());

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody()).containsEntry("status", "REPLAYED").containsEntry("resolvedBy", "inventory1");
        assertThat(replayed.getBody().get("resolvedAt")).isNotNull();
        assertThat(handler.taken).contains(message.messageId());
        assertThat(ids(api.getList("inventory1", "/api/dead-letters?channel=WEB").getBody()))
                .doesNotContain(first.deadLetterId());
        assertThat(ids(api.getList("inventory1", "/api/dead-letters?channel=WEB&status=REPLAYED").getBody()))
                .contains(first.deadLetterId());
        assertThat(api.post("inventory1", "/api/dead-letters/" + first.deadLetterId() + "/replay", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aLetterIsDiscardedOnlyWithANoteAndThenCannotBeReplayed() {
        long id = inbox.take(mention("evt-" + UUID.randomUUID(), "NO-SUCH-SKU")).deadLetterId();

        ResponseEntity<Map<String, Object>> withoutNote = api.post("finance1", "/api/dead-letters/" + id + "/discard",
                Map.of());
        ResponseEntity<Map<String, Object>> discarded = api.post("finance1", "/api/dead-letters/" + id + "/discard",
                Map.of("note", "test order of the channel's staff"));

        assertThat(withoutNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(withoutNote)).containsExactly("note");
        assertThat(discarded.getBody()).containsEntry("status", "DISCARDED").containsEntry("resolvedBy", "finance1")
                .containsEntry("resolutionNote", "test order of the channel's staff");
        assertThat(api.post("finance1", "/api/dead-letters/" + id + "/replay", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(ids(api.getList("finance1", "/api/dead-letters?status=DISCARDED").getBody())).contains(id);
    }

    @Test
    void anOutageKeepsNothingSoTheChannelsRetryBringsTheMessageAgain() {
        String messageId = "evt-" + UUID.randomUUID();

        assertThatThrownBy(() -> inbox.take(mention(messageId, ProductMentionHandler.OUTAGE)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(api.getList("admin", "/api/dead-letters?channel=WEB").getBody())
                .noneMatch(letter -> messageId.equals(letter.get("messageId")));
    }

    @Test
    void unknownLettersAndWrongCallersAreRefused() {
        long id = inbox.take(mention("evt-" + UUID.randomUUID(), "NO-SUCH-SKU")).deadLetterId();

        assertThat(api.get("support1", "/api/dead-letters/999999999").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("support1", "/api/dead-letters/" + id + "/replay", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> badStatus = api.get("support1", "/api/dead-letters?status=LOST");
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(badStatus)).containsExactly("status");
    }

    private static ChannelMessage mention(String messageId, String sku) {
        return new ChannelMessage("WEB", ProductMentionHandler.TYPE, messageId, sku);
    }

    private static List<Long> ids(List<Map<String, Object>> letters) {
        return letters.stream().map(letter -> ((Number) letter.get("id")).longValue()).toList();
    }
}
