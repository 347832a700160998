package org.openreturns.channels.webstore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.openreturns.catalog.CatalogService;
import org.openreturns.channels.ChannelInbox;
import org.openreturns.channels.ChannelMessage;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.openreturns.system.OutageException;
import org.openreturns.system.UnauthenticatedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the web store delivers its webhooks (docs/channels.md, "Web-store webhooks"). The signature is the
 * authentication, not a login: a delivery without the HMAC of its body under the channel's webhook secret, or sent at
 * a time outside the tolerance (a replay), is refused with 401 and nothing of it is stored. A signed delivery goes
 * through the {@link ChannelInbox}: taken, or kept as a dead letter; either way it is answered 200, so that the
 * platform does not send it again and again. Only an outage is answered 503, for the platform to retry.
 */
@RestController
@RequestMapping("/api/channels/{code}/webhooks")
class WebStoreWebhookController {

    static final String TOPIC = "X-Shopify-Topic";
    static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final String TRIGGERED_AT = "X-Shopify-Triggered-At";

    private final CatalogService catalog;
    private final ChannelInbox inbox;
    private final Duration tolerance;
    private final Clock clock;

    WebStoreWebhookController(CatalogService catalog, ChannelInbox inbox,
                              @Value("${returns.channels.webhooks.tolerance:PT5M}") Duration tolerance, Clock clock) {
        this.catalog = catalog;
        this.inbox = inbox;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * @param status   {@code TAKEN}, or {@code DEAD_LETTERED} with the dead letter's id and why (the delivery is kept
     *                 for someone to fix and replay, the platform need not send it again)
     */
    record Answer(String webhookId, String topic, String status, Long deadLetterId, String reason) {
    }

    @PostMapping
    Answer receive(@PathVariable String code,
                   @RequestHeader(name = TOPIC, required = false) String topic,
                   @RequestHeader(name = SIGNATURE, required = false) String signature,
                   @RequestHeader(name = WEBHOOK_ID, required = false) String webhookId,
                   @RequestHeader(name = TRIGGERED_AT, required = false) String triggeredAt,
                   @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        authenticate(code, signature, raw, triggeredAt);
        checkHeaders(topic, webhookId, raw);
        ChannelMessage message = new ChannelMessage(code, WebStoreTopics.messageType(topic), webhookId,
                new String(raw, StandardCharsets.UTF_8));
        ChannelInbox.Outcome outcome;
        try {
            outcome = inbox.take(message);
        } catch (RuntimeException outage) {
            // Nothing was kept: the platform retries a delivery that was not answered 2xx.
            throw new OutageException("Webhook " + webhookId + " (" + topic + ") of channel " + code
                    + " could not be taken now and was not kept; send it again: " + outage.getMessage(), outage);
        }
        return outcome.taken() ? new Answer(webhookId, topic, "TAKEN", null, null)
                : new Answer(webhookId, topic, "DEAD_LETTERED", outcome.deadLetterId(), outcome.reason());
    }

    private void authenticate(String channel, String signature, byte[] body, String triggeredAt) {
        String secret = catalog.webhookSecret(channel).orElseThrow(() -> new UnauthenticatedException(
                "Channel " + channel + " has no webhook secret: none of its webhooks is accepted"));
        if (signature == null || signature.isBlank()) {
            throw new UnauthenticatedException("The webhook has no " + SIGNATURE + " header: it is signed with "
                    + "the HMAC-SHA256 of its body under the channel's webhook secret, base64");
        }
        if (!WebhookSignatures.matches(body, secret, signature)) {
            throw new UnauthenticatedException("The " + SIGNATURE + " signature is not the body's under the webhook "
                    + "secret of channel " + channel);
        }
        if (triggeredAt == null || triggeredAt.isBlank()) {
            throw new UnauthenticatedException("The webhook has no " + TRIGGERED_AT + " header: without it a "
                    + "delivery cannot be told from a replay of an old one");
        }
        OffsetDateTime sentAt;
        try {
            sentAt = OffsetDateTime.parse(triggeredAt.strip());
        } catch (DateTimeParseException notATime) {
            throw new UnauthenticatedException(TRIGGERED_AT + " is not an ISO-8601 time with offset: " + triggeredAt);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (sentAt.isBefore(now.minus(tolerance)) || sentAt.isAfter(now.plus(tolerance))) {
            throw new UnauthenticatedException("The webhook was triggered at " + triggeredAt + ", more than "
                    + tolerance + " from now (" + now + "): refused as a possible replay of an old delivery");
        }
    }

    private static void checkHeaders(String topic, String webhookId, byte[] body) {
        if (topic == null || !WebStoreTopics.ALL.contains(topic)) {
            throw new InvalidParameterException(List.of(new FieldProblem(TOPIC, "must be one of "
                    + WebStoreTopics.ALL)));
        }
        if (webhookId == null || webhookId.isBlank() || webhookId.length() > 200) {
            throw new InvalidParameterException(List.of(new FieldProblem(WEBHOOK_ID, "must be 1 to 200 characters")));
        }
        // PostgreSQL cannot store U+0000 in a text: refused here, raw or escaped, rather than failing in a repository.
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0 || text.contains("\\u0000")) {
            throw new InvalidParameterException(List.of(new FieldProblem("body", "must not contain the "
                    + "character U+0000 (NUL)")));
        }
    }
}
