package org.openreturns.channels.webstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.openreturns.db.Tables.CHANNEL_DEAD_LETTER;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.channels.ChannelInbox;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.channels.WebStoreClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A signed delivery that cannot be taken because something we depend on is down is answered 503 and keeps nothing, not
 * even a dead letter: the platform sends a delivery that was not answered 2xx again. (A database of its own: the inbox
 * is a spy here, which makes a context of its own anyway.)
 */
@ReturnsIntegrationTest
@TestPropertySource(properties = "returns.test.database=webhook-outage")
class WebStoreWebhookOutageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @MockitoSpyBean
    ChannelInbox inbox;

    @Test
    void anOutageIsAnswered503AndKeepsNothing() {
        new ApiClient(http).catalogue();
        WebStoreClient store = new WebStoreClient(http);
        String orderId = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        doThrow(new DataAccessResourceFailureException("connection refused")).when(inbox)
                .take(any(ChannelMessage.class));

        ResponseEntity<Map<String, Object>> answer = store.deliver("orders/create", "wh-" + orderId,
                WebStoreClient.order(orderId, List.of(), "TEE-X", 1));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) answer.getBody().get("detail")).contains("send it again");
        assertThat(db.fetchExists(SALES_ORDER, SALES_ORDER.ORDER_NUMBER.eq(orderId))).isFalse();
        assertThat(db.fetchCount(CHANNEL_DEAD_LETTER, CHANNEL_DEAD_LETTER.CHANNEL.eq(store.channel))).isZero();
    }
}
